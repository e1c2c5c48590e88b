namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger journaled a dispute's withdrawal (or had already: a repeated command gets the same answer).</summary>
public sealed record DisputedFundsWithdrawn
{
    public required string DisputeId { get; init; }

    /// <summary>The withdrawal's balance transaction (type <c>adjustment</c>, category <c>dispute</c>), its fee the dispute fee.</summary>
    public required string BalanceTransactionId { get; init; }
}
