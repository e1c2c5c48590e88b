using System.Text.Json;
using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Assessments;

/// <summary>
/// The attributes of an assessed payment as stored JSON (name → value, metadata under its own key) and back, so
/// that a candidate rule can be evaluated later against exactly what the rules saw then.
/// </summary>
public sealed record AttributeSnapshot(Dictionary<string, object?> Values, Dictionary<string, string> Metadata)
{
    public static AttributeSnapshot From(PaymentAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var values = RuleAttributes.All
            .Where(attribute => attributes[attribute] is not null)
            .ToDictionary(attribute => attribute.Name, attribute => attributes[attribute], StringComparer.Ordinal);
        return new AttributeSnapshot(values, new Dictionary<string, string>(attributes.Metadata, StringComparer.Ordinal));
    }

    /// <summary>Reads the stored JSON back into attributes; names the catalogue no longer has are skipped.</summary>
    public static PaymentAttributes Read(JsonElement json)
    {
        var metadata = json.TryGetProperty("metadata", out var stored) && stored.ValueKind == JsonValueKind.Object
            ? stored.EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.GetString() ?? "", StringComparer.Ordinal)
            : [];
        var attributes = new PaymentAttributes { Metadata = metadata };
        if (json.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var pair in values.EnumerateObject())
            {
                if (RuleAttributes.Find(pair.Name) is { } attribute)
                {
                    attributes[attribute] = (attribute.Type, pair.Value.ValueKind) switch
                    {
                        (AttributeType.Number, JsonValueKind.Number) => pair.Value.GetDouble(),
                        (AttributeType.Flag, JsonValueKind.True or JsonValueKind.False) => pair.Value.GetBoolean(),
                        (AttributeType.Text, JsonValueKind.String) => pair.Value.GetString(),
                        _ => null,
                    };
                }
            }
        }

        return attributes;
    }
}
