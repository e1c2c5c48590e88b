namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>card.wallet.google_pay</c>, an empty hash.</summary>
public sealed record CardWalletGooglePay;
