namespace Marketplace.Contracts.Accounts;

/// <summary>
/// A settled charge for a connected account was made with one of Stripe's Connect trigger cards, which stand in for
/// what real volume and risk reviews do to an account: <see cref="NextRequirements"/> (the account reached its next
/// verification threshold: its eventually-due fields become currently due), <see cref="ChargeBlock"/> or
/// <see cref="PayoutBlock"/>. Published by Payments; Onboarding applies it to the account.
/// </summary>
public sealed record ConnectedAccountTriggered
{
    public const string NextRequirements = "next_requirements";
    public const string ChargeBlock = "charge_block";
    public const string PayoutBlock = "payout_block";

    public required string PlatformId { get; init; }

    /// <summary>The connected account the charge was for: its destination, its <c>on_behalf_of</c>, or the account it was made on.</summary>
    public required string AccountId { get; init; }

    /// <summary>One of <see cref="NextRequirements"/>, <see cref="ChargeBlock"/>, <see cref="PayoutBlock"/>.</summary>
    public required string Trigger { get; init; }

    public required string ChargeId { get; init; }
}
