namespace Marketplace.Payments.SetupIntents;

/// <summary>Stripe's <c>automatic_payment_methods</c>: <c>allow_redirects</c> is <c>always</c> or <c>never</c>.</summary>
public sealed record SetupIntentAutomaticPaymentMethods(string? AllowRedirects, bool? Enabled);
