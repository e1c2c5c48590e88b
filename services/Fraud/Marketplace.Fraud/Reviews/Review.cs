using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Fraud.Reviews;

/// <summary>Stripe's <c>review</c> object, every field rendered, null included.</summary>
public sealed record Review : StripeObject
{
    protected override string TypeName => "review";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    /// <summary>No billing details reach Fraud yet.</summary>
    public string? BillingZip { get; init; }

    public string? Charge { get; init; }

    /// <summary><c>approved</c>, <c>refunded</c>, <c>refunded_as_fraud</c>, <c>disputed</c> or <c>redacted</c> once closed.</summary>
    public string? ClosedReason { get; init; }

    public required DateTimeOffset Created { get; init; }

    public string? IpAddress { get; init; }

    public ReviewIpAddressLocation? IpAddressLocation { get; init; }

    public required bool Open { get; init; }

    /// <summary><c>rule</c> or <c>manual</c>.</summary>
    public required string OpenedReason { get; init; }

    public string? PaymentIntent { get; init; }

    public required string Reason { get; init; }

    /// <summary>Browser and device of the payment's session; Fraud does not receive them.</summary>
    public object? Session { get; init; }
}
