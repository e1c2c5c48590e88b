using System.Text.Json;

namespace Marketplace.Ledger.Topups;

/// <summary>A <c>topups</c> row, and how the API renders it.</summary>
public sealed record TopupRow(
    string Id,
    string AccountId,
    long Amount,
    string Currency,
    string? Description,
    string Metadata,
    string? StatementDescriptor,
    string? TransferGroup,
    string Status,
    string? FailureCode,
    string? FailureMessage,
    string? BalanceTransaction,
    DateTime ExpectedAvailabilityDate,
    DateTime Created)
{
    public const string Columns =
        "id, account_id, amount, currency, description, metadata::text AS metadata, statement_descriptor, transfer_group, status, "
        + "failure_code, failure_message, balance_transaction, expected_availability_date, created";

    public Topup ToObject() => new()
    {
        Id = Id,
        Amount = Amount,
        BalanceTransaction = BalanceTransaction,
        Created = new DateTimeOffset(Created, TimeSpan.Zero),
        Currency = Currency,
        Description = Description,
        ExpectedAvailabilityDate = new DateTimeOffset(ExpectedAvailabilityDate, TimeSpan.Zero),
        FailureCode = FailureCode,
        FailureMessage = FailureMessage,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata) ?? [],
        StatementDescriptor = StatementDescriptor,
        Status = Status,
        TransferGroup = TransferGroup,
    };
}
