namespace Marketplace.Contracts.Ledger;

/// <summary>The payout's amount is set aside; the bank rail may be asked to pay it.</summary>
public sealed record PayoutFundsReserved
{
    public required string PayoutId { get; init; }

    /// <summary>The payout's balance transaction (<c>txn_…</c>, type <c>payout</c>).</summary>
    public required string BalanceTransactionId { get; init; }
}
