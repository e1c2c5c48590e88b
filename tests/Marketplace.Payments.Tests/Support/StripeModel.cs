using System.Reflection;
using System.Text.Json;

namespace Marketplace.Payments.Tests.Support;

/// <summary>Stripe.net 53.1.0's models as the field list of Stripe's objects (see ../shared/stripe-reference).</summary>
static class StripeModel
{
    /// <summary>The JSON names of a Stripe.net model, private expandable references included.</summary>
    public static HashSet<string> Fields(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .SelectMany(p => p.CustomAttributes)
            .Where(a => a.AttributeType.Name is "JsonPropertyAttribute" or "JsonPropertyNameAttribute" && a.ConstructorArguments.Count == 1)
            .Select(a => (string)a.ConstructorArguments[0].Value!),
        "object",
    ];

    public static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
