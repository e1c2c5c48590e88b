namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>paypal</c> hash. PayPal reports the payer's country, email and id when a payment is authorised; until then they are null.</summary>
public sealed record PaymentMethodPaypal(string? Country, string? PayerEmail, string? PayerId);
