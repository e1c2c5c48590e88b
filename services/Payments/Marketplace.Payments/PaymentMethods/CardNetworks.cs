namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>card.networks</c>: the networks the card can be processed on; <c>preferred</c> is null unless the payer chose one.</summary>
public sealed record CardNetworks(IReadOnlyList<string> Available, string? Preferred);
