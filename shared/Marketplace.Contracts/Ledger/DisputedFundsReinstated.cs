namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger journaled a won dispute's reinstatement (or had already).</summary>
public sealed record DisputedFundsReinstated
{
    public required string DisputeId { get; init; }

    /// <summary>The reinstatement's balance transaction (type <c>adjustment</c>, category <c>dispute_reversal</c>).</summary>
    public required string BalanceTransactionId { get; init; }
}
