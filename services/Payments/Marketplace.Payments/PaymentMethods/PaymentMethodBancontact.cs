namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>bancontact</c> hash, which has no fields: the payer's bank is chosen on its page.</summary>
public sealed record PaymentMethodBancontact;
