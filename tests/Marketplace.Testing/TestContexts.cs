using Marketplace.Api.Context;
using Marketplace.Data;

namespace Marketplace.Testing;

/// <summary>Request contexts as the gateway resolves them, for tests that call services directly.</summary>
public static class TestContexts
{
    /// <summary>A platform acting on its own account with a secret key, under a fresh platform id.</summary>
    public static RequestContext NewPlatform() => Platform(PrefixedId.New("acct"));

    public static RequestContext Platform(string platformId) => new()
    {
        PlatformId = platformId,
        AccountId = platformId,
        KeyKind = ApiKeyKind.Secret,
        Permissions = KeyPermissions.All,
        RequestId = PrefixedId.New("req"),
    };

    /// <summary>The same platform acting on one of its connected accounts (<c>Stripe-Account</c>).</summary>
    public static RequestContext OnConnectedAccount(this RequestContext platform, string accountId) =>
        (platform ?? throw new ArgumentNullException(nameof(platform))) with { AccountId = accountId };
}
