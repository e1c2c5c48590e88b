namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>card.wallet.apple_pay</c>, an empty hash.</summary>
public sealed record CardWalletApplePay;
