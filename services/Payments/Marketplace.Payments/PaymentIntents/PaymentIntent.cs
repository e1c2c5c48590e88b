using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Api.Objects;
using Marketplace.Payments.Charges;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>Stripe's <c>payment_intent</c> object, every field rendered, null included.</summary>
public sealed record PaymentIntent : StripeObject
{
    protected override string TypeName => "payment_intent";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required long Amount { get; init; }

    public required long AmountCapturable { get; init; }

    public required long AmountReceived { get; init; }

    public string? Application { get; init; }

    public long? ApplicationFeeAmount { get; init; }

    /// <summary>Null: the methods are the ones named in <c>payment_method_types</c>, never chosen automatically here.</summary>
    public object? AutomaticPaymentMethods { get; init; }

    public DateTimeOffset? CanceledAt { get; init; }

    public string? CancellationReason { get; init; }

    public required string CaptureMethod { get; init; }

    public required string ClientSecret { get; init; }

    public required string ConfirmationMethod { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string Currency { get; init; }

    public string? Customer { get; init; }

    public string? CustomerAccount { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? ExcludedPaymentMethodTypes { get; init; }

    public JsonElement? LastPaymentError { get; init; }

    /// <summary>An id, or the charge itself when <c>expand[]=latest_charge</c>.</summary>
    public object? LatestCharge { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public JsonElement? NextAction { get; init; }

    public string? OnBehalfOf { get; init; }

    public string? PaymentMethod { get; init; }

    public object? PaymentMethodConfigurationDetails { get; init; }

    public IReadOnlyDictionary<string, object> PaymentMethodOptions { get; init; } = new Dictionary<string, object>();

    public required IReadOnlyList<string> PaymentMethodTypes { get; init; }

    public object? Processing { get; init; }

    public string? ReceiptEmail { get; init; }

    public string? Review { get; init; }

    public string? SetupFutureUsage { get; init; }

    public object? Shipping { get; init; }

    public object? Source { get; init; }

    public string? StatementDescriptor { get; init; }

    public string? StatementDescriptorSuffix { get; init; }

    public required string Status { get; init; }

    public ChargeTransferData? TransferData { get; init; }

    public string? TransferGroup { get; init; }
}
