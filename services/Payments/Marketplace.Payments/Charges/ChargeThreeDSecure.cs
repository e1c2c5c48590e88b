namespace Marketplace.Payments.Charges;

/// <summary>Stripe's <c>payment_method_details.card.three_d_secure</c> after a challenge: <c>authenticated</c> or <c>failed</c>, frictionless or not.</summary>
public sealed record ChargeThreeDSecure(string Result, string AuthenticationFlow = "challenge", string Version = "2.2.0")
{
    public string? ElectronicCommerceIndicator { get; init; }

    public string? ExemptionIndicator { get; init; }

    public string? ResultReason { get; init; }

    public string? TransactionId { get; init; }
}
