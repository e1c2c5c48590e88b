using Marketplace.Api.Context;

namespace Marketplace.Gateway.ApiKeys;

/// <summary>A stored API key: what it is allowed to do, never the key itself.</summary>
public sealed record ApiKey(
    string Id,
    string PlatformId,
    ApiKeyKind Kind,
    string Redacted,
    KeyPermissions Permissions,
    int? RateLimitPerSecond,
    DateTimeOffset? Revoked);
