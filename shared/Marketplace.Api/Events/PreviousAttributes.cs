using System.Text.Json.Nodes;

namespace Marketplace.Api.Events;

/// <summary>
/// Stripe's <c>data.previous_attributes</c> of an <c>*.updated</c> event: the changed fields with their values
/// before the change, and nothing else. Inside a hash (<c>metadata</c>, <c>address</c>) only the changed keys are
/// listed, a key that did not exist before as null, as Stripe does; arrays and plain values are listed whole.
/// </summary>
public static class PreviousAttributes
{
    /// <summary>The previous attributes as a JSON object, or null when the two renderings are the same.</summary>
    public static string? Between(string beforeJson, string afterJson)
    {
        var before = JsonNode.Parse(beforeJson)!.AsObject();
        var after = JsonNode.Parse(afterJson)!.AsObject();
        var previous = Changed(before, after);
        return previous.Count == 0 ? null : previous.ToJsonString();
    }

    static JsonObject Changed(JsonObject before, JsonObject after)
    {
        var previous = new JsonObject();
        foreach (var (name, old) in before)
        {
            var current = after[name];
            if (!JsonNode.DeepEquals(old, current))
            {
                previous[name] = old is JsonObject oldHash && current is JsonObject newHash ? Changed(oldHash, newHash) : old?.DeepClone();
            }
        }

        foreach (var (name, _) in after)
        {
            if (!before.ContainsKey(name))
            {
                previous[name] = null;
            }
        }

        return previous;
    }
}
