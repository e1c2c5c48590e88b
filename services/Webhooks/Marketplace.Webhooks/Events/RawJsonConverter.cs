using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Webhooks.Events;

/// <summary>
/// Writes a string that already holds JSON as that JSON, unchanged: an event carries its object exactly as the
/// owning service rendered it, and re-serialising would reorder nothing but could still change escapes and numbers.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value);
    }
}
