namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger journaled nothing for a <see cref="PostRefund"/>.</summary>
public sealed record RefundRefused
{
    public const string UnknownCharge = "unknown_charge";
    public const string ExceedsCharge = "exceeds_charge";

    public required string RefundId { get; init; }

    public required string ChargeId { get; init; }

    /// <summary><see cref="UnknownCharge"/> or <see cref="ExceedsCharge"/>.</summary>
    public required string Reason { get; init; }
}
