namespace Marketplace.Onboarding.AccountSessions;

/// <summary>An <c>account_sessions</c> row as Dapper reads it.</summary>
public sealed record StoredAccountSession
{
    public required string AccountId { get; init; }
    public bool OnboardingEnabled { get; init; }
    public bool ExternalAccountCollection { get; init; }
}
