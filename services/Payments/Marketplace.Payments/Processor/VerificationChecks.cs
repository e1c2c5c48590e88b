namespace Marketplace.Payments.Processor;

/// <summary>
/// The issuer's verdicts on what the payer typed, in Stripe's words: <c>pass</c>, <c>fail</c>, <c>unavailable</c>,
/// <c>unchecked</c>; null when nothing was given to check.
/// </summary>
public sealed record VerificationChecks(string? Cvc, string? AddressLine1, string? AddressPostalCode);
