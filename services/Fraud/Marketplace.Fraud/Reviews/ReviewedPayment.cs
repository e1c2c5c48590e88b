namespace Marketplace.Fraud.Reviews;

/// <summary>A payment's assessment as a manual review needs it: what was decided, where the payer was, and whether it was ever reviewed.</summary>
internal sealed record ReviewedPayment(string AssessmentId, string Action, string? IpAddress, string? IpCountry, bool Reviewed);
