using System.Text.Json;

namespace Marketplace.Ledger.ApplicationFees;

/// <summary>A <c>fee_refunds</c> row, and how the API renders it.</summary>
public sealed record FeeRefundRow(string Id, string Fee, long Amount, string Currency, string BalanceTransaction, string Metadata, DateTime Created)
{
    public const string Columns = "id, fee, amount, currency, balance_transaction, metadata::text AS metadata, created";

    public FeeRefund ToObject() => new()
    {
        Id = Id,
        Amount = Amount,
        BalanceTransaction = BalanceTransaction,
        Created = new DateTimeOffset(Created, TimeSpan.Zero),
        Currency = Currency,
        Fee = Fee,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata) ?? [],
    };
}
