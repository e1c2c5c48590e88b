namespace Marketplace.Onboarding.AccountLinks;

/// <summary>An <c>account_links</c> row as Dapper reads it.</summary>
public sealed record StoredAccountLink
{
    public required string TokenHash { get; init; }
    public required string AccountId { get; init; }
    public required string Type { get; init; }
    public required string Fields { get; init; }
    public required string RefreshUrl { get; init; }
    public required string ReturnUrl { get; init; }
    public DateTime ExpiresAt { get; init; }
    public string? SessionHash { get; init; }
    public DateTime? SessionExpiresAt { get; init; }
    public DateTime? CompletedAt { get; init; }
}
