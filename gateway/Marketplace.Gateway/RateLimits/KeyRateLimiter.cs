using System.Threading.RateLimiting;
using Marketplace.Gateway.ApiKeys;
using Microsoft.Extensions.Options;

namespace Marketplace.Gateway.RateLimits;

/// <summary>
/// A token bucket per API key: the key's own rate (or the default) refilled in tenths of a second, holding
/// <see cref="RateLimitOptions.BurstSeconds"/> seconds' worth, so an idle client may burst and a busy one is held to its rate.
/// </summary>
public sealed class KeyRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<ApiKey> _buckets = PartitionedRateLimiter.Create<ApiKey, string>(key =>
    {
        var perSecond = key.RateLimitPerSecond ?? options.Value.RequestsPerSecond;
        var perRefill = Math.Max(1, perSecond / 10);
        return RateLimitPartition.GetTokenBucketLimiter(key.Id, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond * options.Value.BurstSeconds,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)perRefill / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    });

    public RateLimitLease TryAcquire(ApiKey key) => _buckets.AttemptAcquire(key);

    public void Dispose() => _buckets.Dispose();
}
