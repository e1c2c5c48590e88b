using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Marketplace.Benchmarks.Gateway;
using Marketplace.Data;
using Marketplace.Ledger.Journal;
using Marketplace.Messaging;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marketplace.Benchmarks.Ledger;

/// <summary>
/// Two-leg transfers over 50 accounts from 20 concurrent clients, through our journal writer and through the
/// straightforward SQL ledger, in one run on one PostgreSQL; then the hot-account case, where every transfer touches
/// account 0. Both acknowledge a transfer only after it committed (synchronous commit, the server's default).
/// </summary>
public static class LedgerBenchmark
{
    const int Accounts = 50;
    const int Clients = 20;
    const long OpeningBalance = 1_000_000_000;
    static readonly TimeSpan Phase = TimeSpan.FromSeconds(8);
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        DatabaseMigrator.Migrate(new MigrationSources(database.ConnectionString, [MessagingSchema.Assembly, typeof(JournalWriter).Assembly]), NullLogger.Instance);

        // Both sides on pools built as the services build theirs (statements prepared after their second use).
        await using var baselineSource = ServiceDataSources.Build(database.ConnectionString, "ledger-baseline");
        var baseline = new BaselineLedger(baselineSource);
        await baseline.CreateAsync(Accounts, OpeningBalance);
        await using var writerSource = ServiceDataSources.Build(database.ConnectionString, "ledger-journal-writer", maxPoolSize: 4);
        using var journal = new JournalWriter(writerSource, new OutboxRelaySignal(), Options.Create(new JournalWriterOptions()), NullLogger<JournalWriter>.Instance);
        await journal.StartAsync(CancellationToken.None);
        var run = PrefixedId.New("bench");
        var accounts = Enumerable.Range(0, Accounts).Select(i => new LedgerAccount($"{run}_{i:D2}", "usd", "available")).ToArray();
        await Task.WhenAll(accounts.Select((a, i) => journal.PostAsync(new Posting($"{run}:open:{i}", "topup", null,
            [new JournalLine(new LedgerAccount("system:bank", "usd", "clearing"), -OpeningBalance), new JournalLine(a, OpeningBalance)]))));

        var sequence = 0L;
        Task Ours(int from, int to) => journal.PostAsync(new Posting($"{run}:{Interlocked.Increment(ref sequence)}", "transfer", null,
            [new JournalLine(accounts[from], -1, RequiresFunds: true), new JournalLine(accounts[to], 1)]));

        Task Theirs(int from, int to) => baseline.TransferAsync(from, to, 1);

        // Both sides' code paths (and Npgsql's) compiled and recompiled with their profiles before anything is measured.
        await LoadAsync(Theirs, hot: false, WarmUp);
        await LoadAsync(Ours, hot: false, WarmUp);

        var results = new Dictionary<string, LoadResult>();
        foreach (var hot in new[] { false, true })
        {
            var name = hot ? "hot account" : "50 accounts";
            results[$"baseline, {name}"] = await LoadAsync(Theirs, hot, Phase);
            results[$"ours, {name}"] = await LoadAsync(Ours, hot, Phase);
        }

        foreach (var (name, result) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {result.RequestsPerSecond:F0} transfers/s, p50 {result.Percentile(0.50):F2} ms, p99 {result.Percentile(0.99):F2} ms, {result.Failures} failed"));
        }

        var ours = results["ours, 50 accounts"];
        var theirs = results["baseline, 50 accounts"];
        var oursHot = results["ours, hot account"];
        var theirsHot = results["baseline, hot account"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT ledger postings_per_s={ours.RequestsPerSecond:F0} p50_ms={ours.Percentile(0.5):F2} p99_ms={ours.Percentile(0.99):F2} baseline_per_s={theirs.RequestsPerSecond:F0} hot_postings_per_s={oursHot.RequestsPerSecond:F0} hot_baseline_per_s={theirsHot.RequestsPerSecond:F0} hot_ratio={oursHot.RequestsPerSecond / theirsHot.RequestsPerSecond:F1} ratio={ours.RequestsPerSecond / theirs.RequestsPerSecond:F1}"));
        await journal.StopAsync(CancellationToken.None);
        return results.Values.Sum(r => r.Failures) == 0 ? 0 : 1;
    }

    static async Task<LoadResult> LoadAsync(Func<int, int, Task> transfer, bool hot, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            while (clock.Elapsed < duration)
            {
                var from = hot ? 0 : random.Next(Accounts);
                var to = (from + 1 + random.Next(Accounts - 1)) % Accounts;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await transfer(from, to);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Npgsql.NpgsqlException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return new LoadResult(latencies.Count, clock.Elapsed, [.. latencies], failures);
    }
}
