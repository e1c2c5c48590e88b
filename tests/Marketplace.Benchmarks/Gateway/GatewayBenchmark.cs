using System.Globalization;
using Marketplace.Testing;

namespace Marketplace.Benchmarks.Gateway;

/// <summary>
/// The gateway's overhead: the same trivial handler called directly and through the real gateway (its own process,
/// authenticating the key, claiming and recording the idempotency key in PostgreSQL, signing the context), in one
/// run. Added latency is measured with one client at a time (no queueing); throughput with many clients at once.
/// Rate limits are off: the benchmark measures the path, not the limiter.
/// </summary>
public static class GatewayBenchmark
{
    const int ConcurrentClients = 32;
    static readonly TimeSpan LatencyPhase = TimeSpan.FromSeconds(5);
    static readonly TimeSpan ThroughputPhase = TimeSpan.FromSeconds(8);

    public static async Task<int> RunAsync()
    {
        await using var database = new TestDatabase();
        await using var broker = new TestBroker();
        await database.InitializeAsync();
        await broker.InitializeAsync();
        await using var handler = await TrivialHandler.StartAsync();
        var secretKey = "sk_test_" + Guid.NewGuid().ToString("N");
        await using var gateway = await AppProcess.StartAsync("gateway/Marketplace.Gateway", new Dictionary<string, string>
        {
            ["ConnectionStrings__gateway"] = database.ConnectionString,
            ["ConnectionStrings__rabbitmq"] = broker.ConnectionString,
            ["Gateway__ContextSigningKey"] = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            ["Gateway__RateLimits__Enabled"] = "false",
            ["MARKETPLACE_BOOTSTRAP_SECRET_KEY"] = secretKey,
            ["ReverseProxy__Clusters__payments__Destinations__payments__Address"] = handler.Address.ToString(),
        });

        using var direct = new LoadGenerator(handler.Address, secretKey);
        using var proxied = new LoadGenerator(gateway.Address, secretKey);
        using var proxiedWithoutKey = new LoadGenerator(gateway.Address, secretKey, idempotent: false);
        Console.WriteLine("warming up");
        await direct.RunAsync(4, TimeSpan.FromSeconds(2));
        await proxied.RunAsync(4, TimeSpan.FromSeconds(2));

        var directLatency = await direct.RunAsync(1, LatencyPhase);
        var gatewayLatency = await proxied.RunAsync(1, LatencyPhase);
        Report("latency, 1 client", directLatency, gatewayLatency, await proxiedWithoutKey.RunAsync(1, LatencyPhase));

        var directThroughput = await direct.RunAsync(ConcurrentClients, ThroughputPhase);
        var gatewayThroughput = await proxied.RunAsync(ConcurrentClients, ThroughputPhase);
        Report($"throughput, {ConcurrentClients} clients", directThroughput, gatewayThroughput, await proxiedWithoutKey.RunAsync(ConcurrentClients, ThroughputPhase));

        var addedP50 = gatewayLatency.Percentile(0.50) - directLatency.Percentile(0.50);
        var ratio = gatewayThroughput.RequestsPerSecond / directThroughput.RequestsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT gateway added_p50_ms={addedP50:F2} gateway_p99_ms={gatewayThroughput.Percentile(0.99):F1} gateway_rps={gatewayThroughput.RequestsPerSecond:F0} direct_rps={directThroughput.RequestsPerSecond:F0} ratio={ratio:F2}"));
        return directThroughput.Failures + gatewayThroughput.Failures + directLatency.Failures + gatewayLatency.Failures == 0 ? 0 : 1;
    }

    static void Report(string phase, LoadResult direct, LoadResult gateway, LoadResult gatewayWithoutKey)
    {
        foreach (var (name, result) in new[] { ("direct", direct), ("gateway", gateway), ("gateway, no idempotency key", gatewayWithoutKey) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{phase}, {name}: {result.RequestsPerSecond:F0} req/s, p50 {result.Percentile(0.50):F2} ms, p99 {result.Percentile(0.99):F2} ms, {result.Failures} failed"));
        }
    }
}
