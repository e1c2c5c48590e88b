using Marketplace.Api.Objects;

namespace Marketplace.Ledger.BalanceTransactions;

/// <summary>Stripe's <c>balance_transaction</c> object.</summary>
public sealed record BalanceTransaction : StripeObject
{
    protected override string TypeName => "balance_transaction";

    public required string Id { get; init; }
    public required long Amount { get; init; }
    public required DateTimeOffset AvailableOn { get; init; }
    public string BalanceType => "payments";
    public required DateTimeOffset Created { get; init; }
    public required string Currency { get; init; }
    public string? Description { get; init; }
    public decimal? ExchangeRate { get; init; }
    public required long Fee { get; init; }
    public required IReadOnlyList<FeeDetail> FeeDetails { get; init; }
    public required long Net { get; init; }
    public required string ReportingCategory { get; init; }
    public string? Source { get; init; }
    public required string Status { get; init; }
    public required string Type { get; init; }
}
