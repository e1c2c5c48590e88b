using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// Stripe's <c>mandate</c> object. Every mandate here is a SEPA Direct Debit <c>multi_use</c> one: the payer allows
/// the debits of one payment method until the mandate is withdrawn.
/// </summary>
public sealed record Mandate : StripeObject
{
    protected override string TypeName => "mandate";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required MandateCustomerAcceptance CustomerAcceptance { get; init; }

    /// <summary>Stripe shows an empty hash for a multi-use mandate (a single-use one shows amount and currency instead).</summary>
    public IReadOnlyDictionary<string, object> MultiUse { get; } = new Dictionary<string, object>();

    public string? OnBehalfOf { get; init; }

    public required string PaymentMethod { get; init; }

    public required MandatePaymentMethodDetails PaymentMethodDetails { get; init; }

    /// <summary><c>active</c> or <c>inactive</c>.</summary>
    public required string Status { get; init; }

    public string Type => "multi_use";
}
