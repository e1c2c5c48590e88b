namespace Marketplace.Onboarding.Requirements;

/// <summary>Stripe's account <c>requirements</c> (and <c>future_requirements</c>): what is due, by when, and why the account is disabled.</summary>
public sealed record AccountRequirements
{
    public IReadOnlyList<object> Alternatives { get; init; } = [];

    public DateTimeOffset? CurrentDeadline { get; init; }

    public IReadOnlyList<string> CurrentlyDue { get; init; } = [];

    /// <summary><c>requirements.past_due</c>, <c>requirements.pending_verification</c>, <c>rejected.listed</c>, <c>rejected.fraud</c>…</summary>
    public string? DisabledReason { get; init; }

    public IReadOnlyList<RequirementError> Errors { get; init; } = [];

    public IReadOnlyList<string> EventuallyDue { get; init; } = [];

    public IReadOnlyList<string> PastDue { get; init; } = [];

    public IReadOnlyList<string> PendingVerification { get; init; } = [];
}
