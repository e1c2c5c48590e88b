namespace Marketplace.Gateway.RateLimits;

/// <summary>Configuration section <c>Gateway:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Off only for benchmarks that measure the gateway itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Each key's sustained rate unless the key sets its own: Stripe's live-mode default.</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>How many seconds' worth of requests a key may send at once after being idle.</summary>
    public int BurstSeconds { get; set; } = 2;

    /// <summary>Requests the gateway runs at once, all keys together, before it sheds load.</summary>
    public int MaxConcurrentRequests { get; set; } = 1000;

    /// <summary>The share of <see cref="MaxConcurrentRequests"/> only critical writes may use, so that they still get through under overload.</summary>
    public double CriticalReserve { get; set; } = 0.2;
}
