using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Verification;

/// <summary>The saga's decision, applied to the account (its record, events and read-model announcement) by one consumer.</summary>
public sealed record ApplyVerificationOutcome
{
    public static readonly Uri Address = new("exchange:onboarding-apply-verification-outcome");

    public required string AccountId { get; init; }

    /// <summary><c>verified</c>, <c>failed</c> (fields due again), <c>rejected</c> or <c>past_due</c>.</summary>
    public required string Outcome { get; init; }

    public IReadOnlyList<RequirementError> Errors { get; init; } = [];

    public IReadOnlyList<string> ThresholdDue { get; init; } = [];

    public DateTimeOffset? CurrentDeadline { get; init; }

    /// <summary>For <c>rejected</c>: <c>rejected.listed</c>…</summary>
    public string? RejectedReason { get; init; }
}
