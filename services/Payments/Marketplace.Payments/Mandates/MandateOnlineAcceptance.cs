namespace Marketplace.Payments.Mandates;

/// <summary>Stripe's <c>customer_acceptance[online]</c>: where the payer accepted from.</summary>
public sealed record MandateOnlineAcceptance(string IpAddress, string UserAgent);
