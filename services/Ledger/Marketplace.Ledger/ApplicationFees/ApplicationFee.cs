using Marketplace.Api.Lists;
using Marketplace.Api.Objects;

namespace Marketplace.Ledger.ApplicationFees;

/// <summary>Stripe's <c>application_fee</c> object, with its newest refunds embedded as Stripe does.</summary>
public sealed record ApplicationFee : StripeObject
{
    protected override string TypeName => "application_fee";

    public required string Id { get; init; }
    public required string Account { get; init; }
    public required long Amount { get; init; }
    public required long AmountRefunded { get; init; }

    /// <summary>The platform that collected the fee (Stripe names its Connect application here).</summary>
    public required string Application { get; init; }

    public required string BalanceTransaction { get; init; }
    public required string Charge { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Currency { get; init; }
    public required ApplicationFeeSource FeeSource { get; init; }
    public string? OriginatingTransaction { get; init; }
    public bool Refunded => AmountRefunded == Amount;
    public required StripeList<FeeRefund> Refunds { get; init; }
}
