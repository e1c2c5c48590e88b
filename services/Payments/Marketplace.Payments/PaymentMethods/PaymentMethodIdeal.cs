namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>ideal</c> hash: the payer's bank and its BIC, both null until the payer names the bank.</summary>
public sealed record PaymentMethodIdeal(string? Bank, string? Bic);
