using Marketplace.Api.Context;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;

namespace Marketplace.Webhooks.Tests.Support;

/// <summary><see cref="ApiEventRaised"/> messages as an owning service would publish them.</summary>
static class RaisedEvents
{
    /// <summary>
    /// An event about customer <paramref name="objectId"/> on the account <paramref name="context"/> acts on. The object's
    /// JSON is written the way no serializer here would write it (spacing, an escaped character, a long decimal), so
    /// that a test can see it arrive byte for byte.
    /// </summary>
    /// <remarks>The id is minted at <paramref name="created"/>, so that events raised with increasing times list in that order.</remarks>
    public static ApiEventRaised About(RequestContext context, string objectId, string type = "customer.created", DateTimeOffset? created = null) => new()
    {
        EventId = PrefixedId.New("evt", created ?? DateTimeOffset.UtcNow),
        Type = type,
        PlatformId = context.PlatformId,
        AccountId = context.AccountId,
        ObjectJson = CustomerJson(objectId),
        RequestId = context.RequestId,
        IdempotencyKey = "idem-" + objectId,
        Created = created ?? DateTimeOffset.UtcNow,
    };

    public static string CustomerJson(string customerId) =>
        $$"""{"id":"{{customerId}}", "object":"customer","balance":0,"created":1767225600,"email":"jenny@example.com","livemode":false,"metadata":{"ratio":"1.50"},"name":"Jenny \u00c9lise Rosen"}""";
}
