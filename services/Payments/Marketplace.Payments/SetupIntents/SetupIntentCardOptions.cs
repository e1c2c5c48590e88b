namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Stripe's <c>payment_method_options.card</c>. <c>request_three_d_secure</c> stays <c>automatic</c>: the issuer (the
/// simulator's test cards) decides when 3D Secure is needed.
/// </summary>
public sealed record SetupIntentCardOptions
{
    public object? MandateOptions { get; init; }

    public string? Network { get; init; }

    public string RequestThreeDSecure { get; init; } = "automatic";
}
