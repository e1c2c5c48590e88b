using Marketplace.Api.Objects;

namespace Marketplace.Ledger.ApplicationFees;

/// <summary>Stripe's <c>fee_refund</c> object: part or all of an application fee given back to the connected account.</summary>
public sealed record FeeRefund : StripeObject
{
    protected override string TypeName => "fee_refund";

    public required string Id { get; init; }
    public required long Amount { get; init; }
    public required string BalanceTransaction { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Currency { get; init; }
    public required string Fee { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
}
