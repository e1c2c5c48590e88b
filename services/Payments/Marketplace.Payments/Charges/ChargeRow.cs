using System.Text.Json;
using Marketplace.Api.Objects;
using Marketplace.Payments.Processor;

namespace Marketplace.Payments.Charges;

/// <summary>A <c>charges</c> row as Dapper reads it (jsonb columns as their text), and how it renders.</summary>
public sealed record ChargeRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string PlatformId { get; init; }
    public required string PaymentIntentId { get; init; }
    public DateTime Created { get; init; }
    public long Amount { get; init; }
    public long AmountCaptured { get; init; }
    public long AmountRefunded { get; init; }
    public required string Currency { get; init; }
    public required string Status { get; init; }
    public bool Captured { get; init; }
    public string? CustomerId { get; init; }
    public string? PaymentMethodId { get; init; }
    public string? PaymentMethodDetails { get; init; }
    public required string BillingDetails { get; init; }
    public string? Outcome { get; init; }
    public string? FailureCode { get; init; }
    public string? FailureMessage { get; init; }
    public string? AuthorizationId { get; init; }
    public string? BalanceTransactionId { get; init; }
    public string? ApplicationFeeId { get; init; }
    public long? ApplicationFeeAmount { get; init; }
    public string? Destination { get; init; }
    public long? TransferAmount { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? TransferGroup { get; init; }
    public string? Description { get; init; }
    public string? ReceiptEmail { get; init; }
    public required string Metadata { get; init; }
    public string? ReviewId { get; init; }
    public string? Aftermath { get; init; }
    public bool Disputed { get; init; }

    public Charge ToCharge() => new()
    {
        Id = Id,
        Amount = Amount,
        AmountCaptured = AmountCaptured,
        AmountRefunded = AmountRefunded,
        ApplicationFee = ApplicationFeeId,
        ApplicationFeeAmount = ApplicationFeeAmount,
        BalanceTransaction = BalanceTransactionId,
        BillingDetails = Json(BillingDetails),
        Captured = Captured,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Currency = Currency,
        Customer = CustomerId,
        Description = Description,
        Disputed = Disputed,
        FailureCode = FailureCode,
        FailureMessage = FailureMessage,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata, StripeJson.Options)!,
        OnBehalfOf = OnBehalfOf,
        Outcome = Outcome is null ? null : Json(Outcome),
        Paid = Status == ChargeStatuses.Succeeded,
        PaymentIntent = PaymentIntentId,
        PaymentMethod = PaymentMethodId,
        PaymentMethodDetails = PaymentMethodDetails is null ? null : Json(PaymentMethodDetails),
        ReceiptEmail = ReceiptEmail,
        Refunded = AmountCaptured > 0 && AmountRefunded == AmountCaptured,
        Review = ReviewId,
        Status = Status,
        TransferData = Destination is null ? null : new ChargeTransferData(TransferAmount, Destination),
        TransferGroup = TransferGroup,
    };

    /// <summary>What the acquirer said will happen to the charge later; nothing for a charge that was never approved.</summary>
    public CardAftermath ReadAftermath() =>
        Aftermath is null ? CardAftermath.None : JsonSerializer.Deserialize<CardAftermath>(Aftermath, StripeJson.Options)!;

    static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
}
