using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Verification;

/// <summary>The identity checks' answer: the fields that failed (none when verified), and the fields the next threshold asks for.</summary>
public sealed record IdentityChecked
{
    public required string AccountId { get; init; }

    public required IReadOnlyList<RequirementError> Errors { get; init; }

    /// <summary>Eventually-due fields still missing, which become due with a deadline once the account is verified.</summary>
    public required IReadOnlyList<string> ThresholdDue { get; init; }
}
