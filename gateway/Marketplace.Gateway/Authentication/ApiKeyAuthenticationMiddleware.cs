using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Gateway.Accounts;
using Marketplace.Gateway.ApiKeys;
using Marketplace.Gateway.RequestIds;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Marketplace.Gateway.Authentication;

/// <summary>
/// The first step of the proxy pipeline: resolves the API key and <c>Stripe-Account</c> into the
/// <see cref="RequestContext"/> the request will act in, or answers the request with Stripe's error. The route id
/// (the resource, such as <c>customers</c>) is what a restricted key's grants name.
/// </summary>
public sealed class ApiKeyAuthenticationMiddleware(
    RequestDelegate next,
    ApiKeyStore keys,
    AccountStore accounts,
    IOptions<AuthenticationOptions> options,
    TimeProvider time)
{
    public const string StripeAccountHeader = "Stripe-Account";

    readonly ShortLivedCache<ApiKey?> _keys = new(options.Value.CacheDuration, time);
    readonly ShortLivedCache<string?> _platforms = new(options.Value.CacheDuration, time);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var aborted = context.RequestAborted;

        // Pages a browser opens from a link (hosted onboarding) carry no API key: their route says so, and the service
        // authorises the link's own token. They are forwarded with no signed context, so no /v1 endpoint answers them.
        if (IsPublic(context.GetReverseProxyFeature().Route.Config))
        {
            await next(context);
            return;
        }

        if (AuthorizationHeader.ReadKey(request) is not { } secret)
        {
            await Refuse(context, AuthenticationErrors.NoKey());
            return;
        }

        var key = await _keys.GetOrLoadAsync(secret, keys.FindAsync, aborted);
        if (key is null)
        {
            await Refuse(context, AuthenticationErrors.InvalidKey(ApiKeySecret.Redact(secret)));
            return;
        }

        if (key.Revoked is not null)
        {
            await Refuse(context, AuthenticationErrors.RevokedKey(key.Redacted));
            return;
        }

        var accountId = request.Headers[StripeAccountHeader].ToString().Trim();
        if (accountId.Length == 0)
        {
            accountId = key.PlatformId;
        }
        else if (accountId != key.PlatformId
            && await _platforms.GetOrLoadAsync(accountId, accounts.PlatformOfAsync, aborted) != key.PlatformId)
        {
            await Refuse(context, AuthenticationErrors.NoAccessToAccount(key.Redacted, accountId));
            return;
        }

        var resource = context.GetReverseProxyFeature().Route.Config.RouteId;
        if (KeyAccessPolicy.Check(key, resource, accountId, request) is { } denied)
        {
            await Refuse(context, denied);
            return;
        }

        context.Features.Set(new RequestContext
        {
            PlatformId = key.PlatformId,
            AccountId = accountId,
            KeyKind = key.Kind,
            Permissions = key.Permissions,
            RequestId = request.Headers[RequestId.HeaderName].ToString(),
            IdempotencyKey = HttpMethods.IsPost(request.Method) ? IdempotencyKeyOf(request) : null,
        });
        context.Features.Set(key);
        await next(context);
    }

    /// <summary>A route whose metadata sets <c>Authentication</c> to <c>none</c>; never one under <c>/v1</c>.</summary>
    static bool IsPublic(Yarp.ReverseProxy.Configuration.RouteConfig route) =>
        route.Metadata?.GetValueOrDefault(PublicRouteMetadata) == "none"
        && route.Match.Path is { } path && !path.StartsWith("/v1", StringComparison.Ordinal);

    public const string PublicRouteMetadata = "Authentication";

    static string? IdempotencyKeyOf(HttpRequest request) =>
        request.Headers[GatewayContextHeaders.IdempotencyKey].ToString() is { Length: > 0 } key ? key : null;

    static Task Refuse(HttpContext context, StripeError error) => error.ToResult().ExecuteAsync(context);
}
