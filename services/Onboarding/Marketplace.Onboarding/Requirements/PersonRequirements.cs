namespace Marketplace.Onboarding.Requirements;

/// <summary>A person's <c>requirements</c>: the account's requirements that name this person, without the person's prefix.</summary>
public sealed record PersonRequirements
{
    public IReadOnlyList<object> Alternatives { get; init; } = [];

    public IReadOnlyList<string> CurrentlyDue { get; init; } = [];

    public IReadOnlyList<RequirementError> Errors { get; init; } = [];

    public IReadOnlyList<string> EventuallyDue { get; init; } = [];

    public IReadOnlyList<string> PastDue { get; init; } = [];

    public IReadOnlyList<string> PendingVerification { get; init; } = [];
}
