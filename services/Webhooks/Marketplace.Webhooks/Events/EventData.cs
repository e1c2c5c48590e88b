using System.Text.Json.Serialization;

namespace Marketplace.Webhooks.Events;

/// <summary>An event's <c>data</c>: the object after the change and, for <c>*.updated</c>, what the changed fields were before.</summary>
public sealed record EventData
{
    [JsonPropertyName("object")]
    [JsonConverter(typeof(RawJsonConverter))]
    public required string ObjectJson { get; init; }

    /// <summary>Stripe sends the field only when there were previous values, so it is left out rather than null.</summary>
    [JsonPropertyName("previous_attributes")]
    [JsonConverter(typeof(RawJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PreviousAttributesJson { get; init; }
}
