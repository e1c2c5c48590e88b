namespace Marketplace.Ledger.BalanceTransactions;

/// <summary>One part of a balance transaction's fee (Stripe's <c>fee_details[]</c>).</summary>
public sealed record FeeDetail(long Amount, string? Application, string Currency, string Description, string Type);
