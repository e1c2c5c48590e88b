using System.Reflection;
using System.Text.Json;

namespace Marketplace.Testing;

/// <summary>
/// The JSON field names of a Stripe.net model (private expandable references included), to check that an object of
/// ours has no field the SDK does not know; and an object's own field names, to compare with.
/// </summary>
public static class StripeModelFields
{
    public static HashSet<string> Of(Type model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return
        [
            .. model.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .SelectMany(p => p.CustomAttributes)
                .Where(a => a.AttributeType.Name is "JsonPropertyAttribute" or "JsonPropertyNameAttribute" && a.ConstructorArguments.Count == 1)
                .Select(a => (string)a.ConstructorArguments[0].Value!),
            "object",
        ];
    }

    public static HashSet<string> Of(JsonElement value) => [.. value.EnumerateObject().Select(p => p.Name)];
}
