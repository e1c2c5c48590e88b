namespace Marketplace.Onboarding.Requirements;

/// <summary>Why a submitted field failed verification and is due again (<c>verification_failed_address_match</c>…).</summary>
public sealed record RequirementError(string Code, string Reason, string Requirement);
