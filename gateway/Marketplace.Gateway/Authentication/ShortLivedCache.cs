using System.Collections.Concurrent;

namespace Marketplace.Gateway.Authentication;

/// <summary>
/// Remembers lookups (misses too) for a few seconds, so that the database is asked once per key per period rather
/// than on every request. The price is that a revocation takes up to that long to be seen by every gateway.
/// Bounded: when full it starts over, which only costs lookups (a flood of random keys cannot grow it without end).
/// </summary>
public sealed class ShortLivedCache<TValue>(TimeSpan duration, TimeProvider time, int capacity = 100_000)
{
    readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public async ValueTask<TValue> GetOrLoadAsync(string key, Func<string, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Value;
        }

        var value = await load(key, cancellationToken);
        if (duration > TimeSpan.Zero)
        {
            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }

            _entries[key] = (value, now + duration);
        }

        return value;
    }
}
