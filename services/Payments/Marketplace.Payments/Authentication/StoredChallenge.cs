namespace Marketplace.Payments.Authentication;

/// <summary>An <c>authentication_challenges</c> row as Dapper reads it.</summary>
internal sealed record StoredChallenge
{
    public required string Id { get; init; }
    public required string Subject { get; init; }
    public required string Reference { get; init; }
    public required string Kind { get; init; }
    public string? ReturnUrl { get; init; }
    public required string ClientSecret { get; init; }
    public DateTime? CompletedAt { get; init; }
    public bool? Succeeded { get; init; }

    public bool IsCompleted => CompletedAt is not null;
}
