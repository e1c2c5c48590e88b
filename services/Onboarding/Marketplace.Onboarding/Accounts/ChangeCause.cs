namespace Marketplace.Onboarding.Accounts;

/// <summary>What caused a change, for the events it raises: an API request, or nothing (a verification step).</summary>
public sealed record ChangeCause(string? RequestId, string? IdempotencyKey)
{
    public static ChangeCause None { get; } = new(null, null);
}
