using System.Text.Json;
using Marketplace.Api.Lists;

namespace Marketplace.Ledger.Transfers;

/// <summary>A <c>transfers</c> row, and how the API renders it.</summary>
public sealed record TransferRow(
    string Id,
    long Amount,
    string Currency,
    string Destination,
    string DestinationPayment,
    string? Description,
    string Metadata,
    string? TransferGroup,
    string? SourceTransaction,
    string BalanceTransaction,
    DateTime Created)
{
    public const string Columns =
        "id, amount, currency, destination, destination_payment, description, metadata::text AS metadata, transfer_group, "
        + "source_transaction, balance_transaction, created";

    public Transfer ToObject() => new()
    {
        Id = Id,
        Amount = Amount,
        BalanceTransaction = BalanceTransaction,
        Created = new DateTimeOffset(Created, TimeSpan.Zero),
        Currency = Currency,
        Description = Description,
        Destination = Destination,
        DestinationPayment = DestinationPayment,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata) ?? [],
        Reversals = new StripeList<object>([], false, $"/v1/transfers/{Id}/reversals"),
        SourceTransaction = SourceTransaction,
        TransferGroup = TransferGroup,
    };
}
