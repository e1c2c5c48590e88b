namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger returned a failed refund's money (or had already; a repeated command gets the same answer).</summary>
public sealed record FailedRefundReturned
{
    public required string RefundId { get; init; }

    /// <summary>
    /// The <c>refund_failure</c> balance transaction (Stripe's <c>failure_balance_transaction</c>); null when the Ledger
    /// never posted the refund, so that there was nothing to return.
    /// </summary>
    public string? BalanceTransactionId { get; init; }
}
