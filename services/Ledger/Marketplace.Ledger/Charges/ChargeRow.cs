using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Charges;

/// <summary>A <c>charges</c> row: a charge as the Ledger journaled it.</summary>
public sealed record ChargeRow(
    string Id,
    string PlatformId,
    string OnAccount,
    long Amount,
    string Currency,
    string? Destination,
    long? TransferAmount,
    long? ApplicationFeeAmount,
    string? ApplicationFeeId,
    string? OnBehalfOf,
    long AmountRefunded)
{
    public const string Columns =
        "id, platform_id, on_account, amount, currency, destination, transfer_amount, application_fee_amount, application_fee_id, on_behalf_of, amount_refunded";

    public ChargeCaptured ToCaptured() =>
        new(Id, PlatformId, OnAccount, Amount, Currency, Destination, TransferAmount, ApplicationFeeAmount, ApplicationFeeId, OnBehalfOf);
}
