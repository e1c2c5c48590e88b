namespace Marketplace.Contracts.Fraud;

/// <summary>
/// Fraud opened a manual review of a charge (a platform's operator placed it in review after the fact): Payments
/// records it as the charge's and its payment intent's <c>review</c>, unless they already have one. Published by Fraud
/// with the review, through its outbox.
/// </summary>
public sealed record ChargePlacedInReview
{
    public required string PlatformId { get; init; }

    /// <summary>The account the charge is on.</summary>
    public required string AccountId { get; init; }

    public required string ChargeId { get; init; }

    public required string ReviewId { get; init; }
}
