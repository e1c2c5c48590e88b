using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Fraud.EarlyFraudWarnings;

/// <summary>Stripe's <c>radar.early_fraud_warning</c>.</summary>
public sealed record EarlyFraudWarning : StripeObject
{
    protected override string TypeName => "radar.early_fraud_warning";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required bool Actionable { get; init; }

    public required string Charge { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string FraudType { get; init; }

    public string? PaymentIntent { get; init; }
}
