namespace Marketplace.Onboarding.Verification;

/// <summary>
/// The account reached its next verification threshold (Stripe's <c>tok_visa_triggerNextRequirements</c> card stands
/// in for the volume that reaches it): the saga makes the still-missing eventually-due fields due by a deadline.
/// </summary>
public sealed record ThresholdReached
{
    public required string AccountId { get; init; }

    /// <summary>The eventually-due fields still missing when the threshold was reached.</summary>
    public required IReadOnlyList<string> Fields { get; init; }
}
