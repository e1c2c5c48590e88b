using System.Text.Json;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>A webhook endpoint as stored in <c>webhook_endpoints</c>; <see cref="ToObject"/> renders it.</summary>
public sealed record WebhookEndpointRecord
{
    public required string Id { get; init; }
    public required string PlatformId { get; init; }
    public required string Url { get; init; }
    public required string[] EnabledEvents { get; init; }
    public required bool Connect { get; init; }
    public string? Description { get; init; }

    /// <summary>The metadata as the JSON object stored in the <c>jsonb</c> column.</summary>
    public required string Metadata { get; init; }

    public string? ApiVersion { get; init; }
    public required string Secret { get; init; }
    public required string Status { get; init; }
    public required DateTime Created { get; init; }

    public IReadOnlyDictionary<string, string> MetadataValues =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata) ?? [];

    public WebhookEndpoint ToObject(bool withSecret = false) => new()
    {
        Id = Id,
        ApiVersion = ApiVersion,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Description = Description,
        EnabledEvents = EnabledEvents,
        Metadata = MetadataValues,
        Secret = withSecret ? Secret : null,
        Status = Status,
        Url = Url,
    };
}
