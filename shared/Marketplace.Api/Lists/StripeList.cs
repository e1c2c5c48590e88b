using System.Text.Json.Serialization;

namespace Marketplace.Api.Lists;

/// <summary>Stripe's list envelope: <c>{"object":"list","data":[…],"has_more":…,"url":"/v1/…"}</c>.</summary>
public sealed record StripeList<T>(IReadOnlyList<T> Data, bool HasMore, string Url)
{
    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => "list";
}
