using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Stripe's <c>charge</c> object. The sub-objects whose shape belongs to the payment method or to Fraud
/// (<c>payment_method_details</c>, <c>outcome</c>, <c>billing_details</c>) are kept as the JSON they were written
/// as, so the charge renders them unchanged.
/// </summary>
public sealed record Charge : StripeObject
{
    protected override string TypeName => "charge";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required long Amount { get; init; }

    public required long AmountCaptured { get; init; }

    public required long AmountRefunded { get; init; }

    /// <summary>The Connect application that created it; there are no OAuth applications here.</summary>
    public string? Application { get; init; }

    public string? ApplicationFee { get; init; }

    public long? ApplicationFeeAmount { get; init; }

    /// <summary>Null until the Ledger has journaled the captured charge.</summary>
    public string? BalanceTransaction { get; init; }

    public required JsonElement BillingDetails { get; init; }

    public string? CalculatedStatementDescriptor { get; init; }

    public required bool Captured { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string Currency { get; init; }

    public string? Customer { get; init; }

    public string? Description { get; init; }

    public required bool Disputed { get; init; }

    public string? FailureBalanceTransaction { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureMessage { get; init; }

    public IReadOnlyDictionary<string, string> FraudDetails { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? OnBehalfOf { get; init; }

    public JsonElement? Outcome { get; init; }

    /// <summary>True when the charge succeeded (authorised), captured or not.</summary>
    public required bool Paid { get; init; }

    public required string PaymentIntent { get; init; }

    public string? PaymentMethod { get; init; }

    public JsonElement? PaymentMethodDetails { get; init; }

    public string? ReceiptEmail { get; init; }

    public string? ReceiptNumber { get; init; }

    public string? ReceiptUrl { get; init; }

    /// <summary>True once the whole captured amount was refunded.</summary>
    public required bool Refunded { get; init; }

    public string? Review { get; init; }

    public object? Shipping { get; init; }

    /// <summary>Legacy Sources, which this platform does not have.</summary>
    public object? Source { get; init; }

    public string? SourceTransfer { get; init; }

    public string? StatementDescriptor { get; init; }

    public string? StatementDescriptorSuffix { get; init; }

    /// <summary><c>pending</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The transfer a destination charge made; the Ledger journals it with the charge but keeps no transfer object for it yet.</summary>
    public string? Transfer { get; init; }

    public ChargeTransferData? TransferData { get; init; }

    public string? TransferGroup { get; init; }
}
