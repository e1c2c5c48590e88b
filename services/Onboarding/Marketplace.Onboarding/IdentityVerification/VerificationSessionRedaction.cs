namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>Stripe's <c>redaction</c>: <c>processing</c> then <c>redacted</c>; null until a redaction is asked for.</summary>
public sealed record VerificationSessionRedaction(string Status);
