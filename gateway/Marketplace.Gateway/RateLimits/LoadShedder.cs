using Microsoft.Extensions.Options;

namespace Marketplace.Gateway.RateLimits;

/// <summary>
/// Counts the requests in flight across all keys. Under overload it refuses the rest before the critical writes:
/// reads and other writes stop at (1 − reserve) of the capacity, and the reserve is kept for the writes that move
/// money, so a flood of list calls cannot stop payments from being taken.
/// </summary>
public sealed class LoadShedder(IOptions<RateLimitOptions> options)
{
    int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>True, and the request counted until <see cref="Release"/>, when there is room for it.</summary>
    public bool TryEnter(bool critical)
    {
        var capacity = options.Value.MaxConcurrentRequests;
        var limit = critical ? capacity : (int)(capacity * (1 - options.Value.CriticalReserve));
        while (true)
        {
            var current = Volatile.Read(ref _inFlight);
            if (current >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inFlight, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref _inFlight);
}
