namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>Why the last submission failed: <c>document_unverified_other</c>, <c>id_number_mismatch</c>…</summary>
public sealed record VerificationSessionLastError(string Code, string Reason);
