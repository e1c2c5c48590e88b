using System.Reflection;
using System.Text.Json.Serialization;

namespace Marketplace.Webhooks.Tests.Support;

/// <summary>The JSON field names Stripe.net's model of an object reads, non-public properties included (see stripe-reference/README.md).</summary>
static class StripeNetFields
{
    public static IReadOnlyList<string> Of<T>() =>
        [.. typeof(T).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
}
