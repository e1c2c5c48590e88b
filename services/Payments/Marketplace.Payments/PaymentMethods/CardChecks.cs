namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>card.checks</c>: <c>pass</c>, <c>fail</c>, <c>unavailable</c>, <c>unchecked</c>, or null when nothing was given.</summary>
public sealed record CardChecks(string? AddressLine1Check, string? AddressPostalCodeCheck, string? CvcCheck);
