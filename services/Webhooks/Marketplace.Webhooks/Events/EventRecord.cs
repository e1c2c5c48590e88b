using System.Text.Json;
using Marketplace.Contracts.ApiEvents;

namespace Marketplace.Webhooks.Events;

/// <summary>An event as stored in <c>events</c>; <see cref="ToEvent"/> renders it.</summary>
public sealed record EventRecord
{
    public required string Id { get; init; }
    public required string PlatformId { get; init; }
    public required string AccountId { get; init; }
    public required string Type { get; init; }
    public string? ObjectId { get; init; }
    public required string DataObject { get; init; }
    public string? PreviousAttributes { get; init; }
    public string? RequestId { get; init; }
    public string? IdempotencyKey { get; init; }
    public required DateTime Created { get; init; }

    /// <summary>The event a message announces. Throws <see cref="JsonException"/> when its object is not a JSON object.</summary>
    public static EventRecord From(ApiEventRaised raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        return new EventRecord
        {
            Id = raised.EventId,
            PlatformId = raised.PlatformId,
            AccountId = raised.AccountId,
            Type = raised.Type,
            ObjectId = ObjectIdOf(raised.ObjectJson),
            DataObject = raised.ObjectJson,
            PreviousAttributes = raised.PreviousAttributesJson,
            RequestId = raised.RequestId,
            IdempotencyKey = raised.IdempotencyKey,
            Created = raised.Created.UtcDateTime,
        };
    }

    public ApiEvent ToEvent(long pendingWebhooks) => new()
    {
        Id = Id,
        Account = string.Equals(AccountId, PlatformId, StringComparison.Ordinal) ? null : AccountId,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Data = new EventData { ObjectJson = DataObject, PreviousAttributesJson = PreviousAttributes },
        PendingWebhooks = pendingWebhooks,
        Request = new EventRequest(RequestId, IdempotencyKey),
        Type = Type,
    };

    static string? ObjectIdOf(string objectJson)
    {
        using var document = JsonDocument.Parse(objectJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An event's object must be a JSON object.");
        }

        return document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
