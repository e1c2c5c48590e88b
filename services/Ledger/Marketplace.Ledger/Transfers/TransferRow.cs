using System.Text.Json;
using Marketplace.Api.Lists;

namespace Marketplace.Ledger.Transfers;

/// <summary>A <c>transfers</c> row, and how the API renders it.</summary>
public sealed record TransferRow(
    string Id,
    long Amount,
    long AmountReversed,
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
    /// <summary>How many reversals a transfer shows in its <c>reversals</c> list (Stripe's default page size).</summary>
    public const int EmbeddedReversals = 10;

    public const string Columns =
        "id, amount, amount_reversed, currency, destination, destination_payment, description, metadata::text AS metadata, transfer_group, "
        + "source_transaction, balance_transaction, created";

    /// <summary>The transfer, showing <paramref name="reversals"/> (its newest, at most <see cref="EmbeddedReversals"/>).</summary>
    public Transfer ToObject(IReadOnlyList<TransferReversal> reversals) => new()
    {
        Id = Id,
        Amount = Amount,
        AmountReversed = AmountReversed,
        BalanceTransaction = BalanceTransaction,
        Created = new DateTimeOffset(Created, TimeSpan.Zero),
        Currency = Currency,
        Description = Description,
        Destination = Destination,
        DestinationPayment = DestinationPayment,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata) ?? [],
        Reversals = new StripeList<TransferReversal>([.. reversals.Take(EmbeddedReversals)], reversals.Count > EmbeddedReversals, $"/v1/transfers/{Id}/reversals"),
        SourceTransaction = SourceTransaction,
        TransferGroup = TransferGroup,
    };
}
