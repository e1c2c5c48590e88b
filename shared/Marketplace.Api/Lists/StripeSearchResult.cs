using System.Text.Json.Serialization;

namespace Marketplace.Api.Lists;

/// <summary>
/// Stripe's search envelope: <c>{"object":"search_result","url":…,"has_more":…,"data":[…],"next_page":…}</c>, where
/// <c>next_page</c> is the token that asks for the following page, null on the last one.
/// </summary>
public sealed record StripeSearchResult<T>(string Url, bool HasMore, IReadOnlyList<T> Data, string? NextPage)
{
    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => "search_result";
}
