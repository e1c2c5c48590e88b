namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>card.three_d_secure_usage</c>.</summary>
public sealed record CardThreeDSecureUsage(bool Supported);
