using System.Text.Json;

namespace Marketplace.Ledger.Transfers;

/// <summary>A <c>transfer_reversals</c> row, and how the API renders it.</summary>
public sealed record TransferReversalRow(
    string Id,
    string TransferId,
    long Amount,
    string Currency,
    string DestinationPaymentRefund,
    string BalanceTransaction,
    string Metadata,
    string? SourceRefund,
    DateTime Created)
{
    public const string Columns =
        "id, transfer_id, amount, currency, destination_payment_refund, balance_transaction, metadata::text AS metadata, source_refund, created";

    public TransferReversal ToObject() => new()
    {
        Id = Id,
        Amount = Amount,
        BalanceTransaction = BalanceTransaction,
        Created = new DateTimeOffset(Created, TimeSpan.Zero),
        Currency = Currency,
        DestinationPaymentRefund = DestinationPaymentRefund,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata) ?? [],
        SourceRefund = SourceRefund,
        Transfer = TransferId,
    };
}
