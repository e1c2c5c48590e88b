using Marketplace.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Context;

/// <summary>
/// A service answers <c>/v1</c> only for requests the gateway signed: it authenticated the key and resolved the
/// account, and the service must not be reachable around it (a second way in would skip auth, rate limits and
/// idempotency). The verified context is left in the request's features for <see cref="RequestContext.BindAsync"/>.
/// </summary>
public sealed class GatewayContextMiddleware(RequestDelegate next, GatewayContextSigner signer)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!StripeApiPaths.Owns(context.Request))
        {
            return next(context);
        }

        if (signer.Verify(context.Request) is not { } verified)
        {
            return StripeError.Authentication("This service answers only requests forwarded by the Marketplace gateway.")
                .ToResult().ExecuteAsync(context);
        }

        context.Features.Set(verified);
        return next(context);
    }
}
