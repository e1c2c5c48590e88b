namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger journaled a refund (or had already: a repeated <see cref="PostRefund"/> gets the same answer).</summary>
public sealed record RefundPosted
{
    public required string RefundId { get; init; }

    public required string ChargeId { get; init; }

    /// <summary>The refund's balance transaction on the account the charge was on.</summary>
    public required string BalanceTransactionId { get; init; }

    /// <summary>The <c>fee_refund</c> made when the refund gave an application fee back.</summary>
    public string? FeeRefundId { get; init; }
}
