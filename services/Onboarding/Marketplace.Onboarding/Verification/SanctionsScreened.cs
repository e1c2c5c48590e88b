namespace Marketplace.Onboarding.Verification;

/// <summary>The screening's answer: whether someone matched the sanctions list, and which entry (for the operators' logs).</summary>
public sealed record SanctionsScreened
{
    public required string AccountId { get; init; }

    public required bool Listed { get; init; }

    /// <summary>The list's entry number that matched, when one did.</summary>
    public string? MatchedEntry { get; init; }
}
