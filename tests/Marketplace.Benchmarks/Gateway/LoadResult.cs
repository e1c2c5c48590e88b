namespace Marketplace.Benchmarks.Gateway;

/// <summary>One load phase: how many requests completed in how long, and their latencies.</summary>
public sealed record LoadResult(int Requests, TimeSpan Elapsed, double[] LatenciesMs, int Failures)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
