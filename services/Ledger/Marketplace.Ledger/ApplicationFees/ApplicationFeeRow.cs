using Marketplace.Api.Lists;

namespace Marketplace.Ledger.ApplicationFees;

/// <summary>An <c>application_fees</c> row, and how the API renders it.</summary>
public sealed record ApplicationFeeRow(
    string Id,
    string PlatformId,
    string Account,
    long Amount,
    long AmountRefunded,
    string Currency,
    string Charge,
    string? OriginatingTransaction,
    string BalanceTransaction,
    DateTime Created)
{
    /// <summary>How many refunds a fee shows in its <c>refunds</c> list (Stripe's default page size).</summary>
    public const int EmbeddedRefunds = 10;

    public const string Columns =
        "id, platform_id, account, amount, amount_refunded, currency, charge, originating_transaction, balance_transaction, created";

    /// <summary>The fee, showing <paramref name="refunds"/> (its newest, at most <see cref="EmbeddedRefunds"/>).</summary>
    public ApplicationFee ToObject(IReadOnlyList<FeeRefund> refunds) => new()
    {
        Id = Id,
        Account = Account,
        Amount = Amount,
        AmountRefunded = AmountRefunded,
        Application = PlatformId,
        BalanceTransaction = BalanceTransaction,
        Charge = Charge,
        Created = new DateTimeOffset(Created, TimeSpan.Zero),
        Currency = Currency,
        FeeSource = new ApplicationFeeSource(Charge),
        OriginatingTransaction = OriginatingTransaction,
        Refunds = new StripeList<FeeRefund>([.. refunds.Take(EmbeddedRefunds)], refunds.Count > EmbeddedRefunds, $"/v1/application_fees/{Id}/refunds"),
    };
}
