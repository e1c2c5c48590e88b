using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dapper;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Rules.Language;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Benchmarks.Fraud;

/// <summary>
/// The Fraud service's two costs, in one run on one machine:
/// <list type="bullet">
/// <item>rule evaluation: fifty compiled rules over a realistic payment, BenchmarkDotNet on one thread;</item>
/// <item>the assessment round trip: Payments' request over RabbitMQ, Fraud's transaction (velocity counters,
/// customer history, rules, the stored assessment, the answer through the outbox), the response — at the most the
/// service sustains, and at a steady 500/s for p50/p99;</item>
/// <item>baseline: RabbitMQ's raw request/response (RabbitMQ.Client, direct reply-to) in the same run: its rate, and
/// its latencies at the same steady rates, the floor under the assessments' p99.</item>
/// </list>
/// </summary>
public static class FraudBenchmark
{
    const int InFlight = 32;
    const int SteadyRate = 500;

    /// <summary>A rate this machine sustains with room to spare, for the latency of one assessment without a queue.</summary>
    const int LightRate = 100;

    const int WarmUp = 5_000;

    public static async Task<int> RunAsync(int seconds)
    {
        var evaluation = BenchmarkRunner.Run<RuleEvaluationBenchmark>(ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance));
        var nanosecondsPerPayment = evaluation.Reports.Single().ResultStatistics!.Mean;
        var evaluationsPerSecond = BenchmarkRules.Texts.Count / (nanosecondsPerPayment / 1e9);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rule evaluation: {nanosecondsPerPayment:F0} ns for 50 rules = {evaluationsPerSecond:F0} rule evaluations/s on one thread"));

        await using var database = new TestDatabase();
        await using var broker = new TestBroker();
        await database.InitializeAsync();
        await broker.InitializeAsync();

        var requests = SteadyRate * seconds;
        double raw;
        await using (var rpc = await RawRequestResponse.StartAsync(broker))
        {
            raw = await rpc.RateAsync(requests, InFlight);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw RabbitMQ request/response: {raw:F0}/s ({requests} requests, {InFlight} in flight)"));
            foreach (var rate in new[] { LightRate, SteadyRate })
            {
                var floor = await SteadyAsync(rpc.RequestAsync, rate * seconds, rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"raw RabbitMQ request/response at a steady {rate}/s for {seconds} s: p50 {Percentile(floor, 0.50):F2} ms, p99 {Percentile(floor, 0.99):F2} ms, max {floor.Max():F2} ms"));
            }
        }

        await using var app = await FraudHost.StartAsync(database, broker);
        var platform = Marketplace.Data.PrefixedId.New("acct");
        await InstallRulesAsync(database, platform);
        var client = app.Services.GetRequiredService<IBus>().CreateRequestClient<AssessPayment>(AssessPayment.Address, RequestTimeout.After(s: 30));
        // A service runs for days: the first thousands of assessments, while the JIT is still recompiling the hot
        // paths with their profiles (a sixth of the CPU, measured), are not what it sustains.
        await ClosedLoopAsync(i => AssessAsync(client, platform, 3_000_000 + i), WarmUp);

        var clock = Stopwatch.StartNew();
        await ClosedLoopAsync(i => AssessAsync(client, platform, i), requests);
        var sustained = requests / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"assessments, {InFlight} in flight: {sustained:F0}/s ({requests} assessments)"));

        var light = await SteadyAsync(i => AssessAsync(client, platform, 2_000_000 + i), LightRate * seconds, LightRate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assessments at a steady {LightRate}/s for {seconds} s: p50 {Percentile(light, 0.50):F2} ms, p99 {Percentile(light, 0.99):F2} ms, max {light.Max():F2} ms"));

        var latencies = await SteadyAsync(i => AssessAsync(client, platform, 1_000_000 + i), requests, SteadyRate);
        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assessments at a steady {SteadyRate}/s for {seconds} s: p50 {p50:F2} ms, p99 {p99:F2} ms, max {latencies.Max():F2} ms"));
        await app.StopAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT fraud rule_evals_per_s={evaluationsPerSecond:F0} assessments_per_s={sustained:F0} p50_ms={p50:F2} p99_ms={p99:F2} raw_rpc_per_s={raw:F0} ratio={sustained / raw:F2}"));
        return 0;
    }

    static Task<double[]> SteadyAsync(Func<Task> request, int requests, int rate) => SteadyAsync(_ => request(), requests, rate);

    static Task ClosedLoopAsync(Func<int, Task> request, int requests)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                await request(i);
            }
        }));
    }

    /// <summary>Open loop: request i leaves at i / rate s whether or not earlier ones were answered, as payments arrive.</summary>
    static async Task<double[]> SteadyAsync(Func<int, Task> request, int requests, int rate)
    {
        var latencies = new double[requests];
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(requests);
        for (var i = 0; i < requests; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                await request(index);
                latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(inFlight);
        return latencies;
    }

    static Task<Response<PaymentAssessed>> AssessAsync(IRequestClient<AssessPayment> client, string platform, int i) =>
        client.GetResponse<PaymentAssessed>(new AssessPayment
        {
            PaymentId = string.Create(CultureInfo.InvariantCulture, $"pi_bench_{i}"),
            PlatformId = platform,
            AccountId = platform,
            Amount = 5_000 + (i % 97) * 100,
            Currency = i % 3 == 0 ? "usd" : "eur",
            CardFingerprint = $"fp_bench_{i % 1000}",
            CardBin = "497010",
            CardLast4 = "1234",
            CardCountry = i % 10 == 0 ? "US" : "FR",
            CardBrand = "visa",
            CardFunding = i % 20 == 0 ? "prepaid" : "credit",
            CvcCheck = "pass",
            AddressZipCheck = "pass",
            IpAddress = $"203.0.{i % 200}.{i % 250}",
            IpCountry = "FR",
            Email = $"buyer{i % 500}@retailer.example",
            CustomerId = $"cus_bench_{i % 300}",
            Metadata = new Dictionary<string, string> { ["order_channel"] = "web" },
        });

    /// <summary>The fifty benchmark rules as the platform's own, written as the rules API writes them.</summary>
    static async Task InstallRulesAsync(TestDatabase database, string platform)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var i = 0;
        foreach (var text in BenchmarkRules.Texts)
        {
            var parsed = RuleParser.TryParse(text, out var rule, out var error) ? rule : throw new InvalidOperationException(error.Message);
            await connection.ExecuteAsync(
                """
                INSERT INTO rules (id, platform_id, action, predicate, enabled, created, value_list_aliases)
                VALUES (@id, @platform, @action, @predicate, true, now(), @aliases)
                """,
                new { id = $"rule_bench_{i++:D2}", platform, action = parsed.Action.ToApiName(), predicate = parsed.Predicate, aliases = parsed.ValueListAliases.ToArray() });
        }

        await connection.ExecuteAsync("INSERT INTO rule_set_versions (platform_id, version) VALUES (@platform, 1)", new { platform });
    }

    static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
