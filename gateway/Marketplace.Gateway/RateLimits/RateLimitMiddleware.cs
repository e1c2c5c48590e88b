using System.Globalization;
using System.Threading.RateLimiting;
using Marketplace.Api.Errors;
using Marketplace.Gateway.ApiKeys;
using Microsoft.Extensions.Options;

namespace Marketplace.Gateway.RateLimits;

/// <summary>
/// The key's token bucket (<see cref="KeyRateLimiter"/>), then the
/// <see cref="LoadShedder"/>. A refused request gets Stripe's 429 <c>rate_limit</c> error with
/// <c>Stripe-Should-Retry: true</c> and <c>Retry-After</c>, so SDKs back off and retry; it is refused before the
/// idempotency step, so its key stays free for that retry.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, KeyRateLimiter limiter, LoadShedder shedder, IOptions<RateLimitOptions> options)
{
    public const string ShouldRetryHeader = "Stripe-Should-Retry";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.Enabled || context.Features.Get<ApiKey>() is not { } key)
        {
            await next(context);
            return;
        }

        using var lease = limiter.TryAcquire(key);
        if (!lease.IsAcquired)
        {
            await RefuseAsync(context, lease);
            return;
        }

        if (!shedder.TryEnter(CriticalRequests.Includes(context.Request)))
        {
            await RefuseAsync(context, lease);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            shedder.Release();
        }
    }

    static Task RefuseAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        context.Response.Headers[ShouldRetryHeader] = "true";
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return StripeError.RateLimited().ToResult().ExecuteAsync(context);
    }
}
