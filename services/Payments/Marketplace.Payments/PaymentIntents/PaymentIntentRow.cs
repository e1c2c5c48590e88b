using System.Text.Json;
using Marketplace.Api.Objects;
using Marketplace.Payments.Charges;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>A <c>payment_intents</c> row as Dapper reads it (jsonb columns as their text), and how it renders.</summary>
public sealed record PaymentIntentRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string PlatformId { get; init; }
    public DateTime Created { get; init; }
    public long Amount { get; init; }
    public long AmountCapturable { get; init; }
    public long AmountReceived { get; init; }
    public required string Currency { get; init; }
    public required string Status { get; init; }
    public required string CaptureMethod { get; init; }
    public required string ConfirmationMethod { get; init; }
    public string? CustomerId { get; init; }
    public string? PaymentMethodId { get; init; }
    public required string[] PaymentMethodTypes { get; init; }
    public string? SetupFutureUsage { get; init; }
    public string? Description { get; init; }
    public string? ReceiptEmail { get; init; }
    public string? StatementDescriptor { get; init; }
    public string? StatementDescriptorSuffix { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? Destination { get; init; }
    public long? TransferAmount { get; init; }
    public long? ApplicationFeeAmount { get; init; }
    public string? TransferGroup { get; init; }
    public string? LatestCharge { get; init; }
    public string? LastPaymentError { get; init; }
    public string? NextAction { get; init; }
    public string? ReviewId { get; init; }
    public string? CancellationReason { get; init; }
    public DateTime? CanceledAt { get; init; }
    public required string ClientSecret { get; init; }
    public string? ReturnUrl { get; init; }
    public bool OffSession { get; init; }
    public string? RequestIncrementalAuthorization { get; init; }
    public required string Metadata { get; init; }

    public PaymentIntent ToPaymentIntent(Charge? expandedCharge = null) => new()
    {
        Id = Id,
        Amount = Amount,
        AmountCapturable = AmountCapturable,
        AmountReceived = AmountReceived,
        ApplicationFeeAmount = ApplicationFeeAmount,
        CanceledAt = CanceledAt is { } canceled ? new DateTimeOffset(DateTime.SpecifyKind(canceled, DateTimeKind.Utc)) : null,
        CancellationReason = CancellationReason,
        CaptureMethod = CaptureMethod,
        ClientSecret = ClientSecret,
        ConfirmationMethod = ConfirmationMethod,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Currency = Currency,
        Customer = CustomerId,
        Description = Description,
        LastPaymentError = LastPaymentError is null ? null : JsonSerializer.Deserialize<JsonElement>(LastPaymentError),
        LatestCharge = expandedCharge is null ? LatestCharge : expandedCharge,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata, StripeJson.Options)!,
        NextAction = NextAction is null ? null : JsonSerializer.Deserialize<JsonElement>(NextAction),
        OnBehalfOf = OnBehalfOf,
        PaymentMethod = PaymentMethodId,
        PaymentMethodOptions = RequestIncrementalAuthorization is { } incremental
            ? new Dictionary<string, object> { ["card"] = new PaymentIntentCardOptions(incremental) }
            : new Dictionary<string, object>(),
        PaymentMethodTypes = PaymentMethodTypes,
        ReceiptEmail = ReceiptEmail,
        Review = ReviewId,
        SetupFutureUsage = SetupFutureUsage,
        StatementDescriptor = StatementDescriptor,
        StatementDescriptorSuffix = StatementDescriptorSuffix,
        Status = Status,
        TransferData = Destination is null ? null : new ChargeTransferData(TransferAmount, Destination),
        TransferGroup = TransferGroup,
    };
}
