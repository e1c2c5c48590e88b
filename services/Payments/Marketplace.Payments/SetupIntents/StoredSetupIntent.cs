using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.SetupIntents;

/// <summary>A <c>setup_intents</c> row: the object as the API shows it, and what only the service knows of it.</summary>
internal sealed record StoredSetupIntent
{
    public required string AccountId { get; init; }
    public required string PlatformId { get; init; }
    public string? ChallengeId { get; init; }
    public required string Body { get; init; }

    public SetupIntent Intent => JsonSerializer.Deserialize<SetupIntent>(Body, StripeJson.Options)!;
}
