namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payments tells the Ledger a dispute was won: the withdrawn amount returns (the dispute fee does not). Idempotent on
/// the dispute; answered with <see cref="DisputedFundsReinstated"/>. A lost dispute needs no command: the money stays withdrawn.
/// </summary>
public sealed record ReinstateDisputedFunds
{
    public required string DisputeId { get; init; }

    public required string ChargeId { get; init; }
}
