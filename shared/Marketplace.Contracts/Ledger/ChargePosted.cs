namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger journaled a captured charge (or had already: the answer to a repeated <see cref="PostCharge"/> is the same).</summary>
public sealed record ChargePosted
{
    public required string ChargeId { get; init; }

    /// <summary>The journal transaction that holds the charge's entries.</summary>
    public required string JournalTransactionId { get; init; }

    /// <summary>The charge's balance transaction on the account it was made on (Stripe's <c>charge.balance_transaction</c>).</summary>
    public required string BalanceTransactionId { get; init; }

    public required long Fee { get; init; }

    /// <summary>The <c>application_fee</c> object the charge's fee became, when it carried one.</summary>
    public string? ApplicationFeeId { get; init; }
}
