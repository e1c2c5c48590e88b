namespace Marketplace.Api.Context;

/// <summary>
/// The headers that carry a <see cref="RequestContext"/> from the gateway to a service. The gateway removes any a
/// client sent before it sets them, and signs them all in <see cref="Signature"/>.
/// </summary>
public static class GatewayContextHeaders
{
    public const string Platform = "Marketplace-Platform";
    public const string Account = "Marketplace-Account";
    public const string KeyKind = "Marketplace-Key-Kind";
    public const string Permissions = "Marketplace-Permissions";
    public const string RequestId = "Request-Id";
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the shape of Stripe's own webhook signature.</summary>
    public const string Signature = "Marketplace-Context-Signature";

    /// <summary>Every header a client must never be able to set itself.</summary>
    public static readonly IReadOnlyList<string> GatewayOnly = [Platform, Account, KeyKind, Permissions, RequestId, Signature];
}
