namespace Marketplace.Payments.PaymentIntents;

/// <summary>Stripe's <c>payment_method_options.card</c> of a payment intent, rendered once the intent has card options.</summary>
public sealed record PaymentIntentCardOptions(string RequestIncrementalAuthorization);
