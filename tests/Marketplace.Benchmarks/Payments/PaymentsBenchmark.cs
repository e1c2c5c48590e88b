using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Marketplace.Benchmarks.Onboarding;

namespace Marketplace.Benchmarks.Payments;

/// <summary>
/// Completed marketplace card payments per second through the gateway of the local stack (every service, PostgreSQL
/// and RabbitMQ on this machine): one create-and-confirm request each, with a card of its own (saved beforehand), a
/// destination charge with an application fee to one seller,
/// answered <c>succeeded</c> only once Fraud assessed it, the simulated acquirer authorised and captured it and the
/// Ledger journaled it. Beside it, in the same run on the same PostgreSQL server, pgbench's TPC-B rate. Then the
/// confirm's latency at half the measured rate, paced open-loop (requests leave on a clock, not when the last came back).
/// Last, what the API path alone sustains: the same requests without <c>confirm</c> (the intent created and announced,
/// no saga), a ceiling no payment rate can pass on this stack.
/// </summary>
public static class PaymentsBenchmark
{
    const int Clients = 32;
    const int PgBenchClients = 8;

    /// <summary>The first few answers that were not <c>succeeded</c>, printed to say why.</summary>
    static readonly ConcurrentQueue<string> FailureSamples = new();

    public static async Task<int> RunAsync(int seconds)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        var platform = await AdminAsync("platforms", "create");
        // A key of its own without the gateway's default 100 requests/s, which would measure the limiter.
        var key = await AdminAsync("keys", "create", "--platform", platform.GetProperty("platform_id").GetString()!, "--kind", "secret",
            "--rate-limit", "1000000");
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:8080"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.GetProperty("secret").GetString());
        var seller = await OnboardSellerAsync(http);
        var intent = $"amount=2000&currency=eur&transfer_data[destination]={seller}&application_fee_amount=200&payment_method=";
        var form = "confirm=true&" + intent;

        Console.WriteLine("warming up (until Payments and the Ledger know the seller)");
        await WarmUpAsync(http, form + "pm_card_visa");
        Console.WriteLine("saving the buyers' cards");
        var cards = await SaveCardsAsync(http, 6_000);
        // Every service just started: until their hot paths are recompiled with their profiles the JIT takes a large
        // share of the machine, which services that run for days do not pay. pgbench runs next, while what these
        // payments left behind (events, webhooks) drains.
        Console.WriteLine("warming up the payment path");
        await ClosedLoopAsync(http, form, cards, duration);
        var tps = await PgBench.TpcBAsync(PgBenchClients, duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgbench TPC-B, {PgBenchClients} clients: {tps:F0} tps"));
        var saturated = await ClosedLoopAsync(http, form, cards, duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"payments, {Clients} clients: {saturated.PerSecond:F1} succeeded/s, confirm p50 {saturated.P50:F0} ms, p99 {saturated.P99:F0} ms, failed {saturated.Failed}"));
        var half = await OpenLoopAsync(http, form, cards, saturated.PerSecond / 2, duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"payments at {saturated.PerSecond / 2:F1}/s: confirm p50 {half.P50:F0} ms, p99 {half.P99:F0} ms, failed {half.Failed}"));
        var created = await CreateOnlyAsync(http, intent + "pm_card_visa", duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"payment intents created without confirm, {Clients} clients: {created:F1}/s"));
        foreach (var sample in FailureSamples)
        {
            Console.WriteLine($"not succeeded: {sample}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT payments succeeded_per_s={saturated.PerSecond:F1} pgbench_tps={tps:F0} p50_ms={saturated.P50:F0} p99_ms={saturated.P99:F0} "
            + $"half_load_p50_ms={half.P50:F0} half_load_p99_ms={half.P99:F0} create_only_per_s={created:F1} ratio={saturated.PerSecond / tps:F3}"));
        return 0;
    }

    sealed record Run(double PerSecond, double P50, double P99, int Failed);

    static async Task<Run> ClosedLoopAsync(HttpClient http, string form, ConcurrentQueue<string> cards, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (wall.Elapsed < duration && cards.TryDequeue(out var card))
            {
                var (ok, elapsed) = await PayAsync(http, form + card);
                if (ok)
                {
                    latencies.Add(elapsed);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return Summarise(latencies, wall.Elapsed, failed);
    }

    /// <summary>Intents created (answered 200) per second by <see cref="Clients"/> clients in a closed loop.</summary>
    static async Task<double> CreateOnlyAsync(HttpClient http, string form, TimeSpan duration)
    {
        var created = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (wall.Elapsed < duration)
            {
                using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                using var response = await http.PostAsync("/v1/payment_intents", content);
                await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref created);
                }
            }
        }));
        return created / wall.Elapsed.TotalSeconds;
    }

    static async Task<Run> OpenLoopAsync(HttpClient http, string form, ConcurrentQueue<string> cards, double perSecond, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var wall = Stopwatch.StartNew();
        var requests = new List<Task>();
        for (var next = TimeSpan.Zero; next < duration && cards.TryDequeue(out var card); next += interval)
        {
            if (next > wall.Elapsed)
            {
                await Task.Delay(next - wall.Elapsed);
            }

            requests.Add(Task.Run(async () =>
            {
                var (ok, elapsed) = await PayAsync(http, form + card);
                if (ok)
                {
                    latencies.Add(elapsed);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }

        await Task.WhenAll(requests);
        return Summarise(latencies, wall.Elapsed, failed);
    }

    static async Task<(bool Succeeded, double Milliseconds)> PayAsync(HttpClient http, string form)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync("/v1/payment_intents", content);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var status = response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() : null;
        var succeeded = status == "succeeded";
        if (!succeeded && FailureSamples.Count < 5)
        {
            // The status first: an intent's JSON is long, and its status comes far down.
            FailureSamples.Enqueue($"{(int)response.StatusCode} {status} after {elapsed:F0} ms: {body[..Math.Min(body.Length, 300)]}");
        }

        return (succeeded, elapsed);
    }

    static Run Summarise(ConcurrentBag<double> latencies, TimeSpan wall, int failed)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0
            ? new Run(0, 0, 0, failed)
            : new Run(sorted.Length / wall.TotalSeconds, sorted[(int)(0.50 * (sorted.Length - 1))], sorted[(int)(0.99 * (sorted.Length - 1))], failed);
    }

    /// <summary>Payment methods of <paramref name="count"/> distinct cards, saved before the clock starts.</summary>
    static async Task<ConcurrentQueue<string>> SaveCardsAsync(HttpClient http, int count)
    {
        var cards = new ConcurrentQueue<string>();
        var remaining = count;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var form = $"type=card&card[number]={CardNumbers.Next()}&card[exp_month]=12&card[exp_year]={DateTime.UtcNow.Year + 3}";
                using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                using var created = await http.PostAsync("/v1/payment_methods", content);
                created.EnsureSuccessStatusCode();
                cards.Enqueue(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
            }
        }));
        return cards;
    }

    static async Task<string> OnboardSellerAsync(HttpClient http)
    {
        using var content = new StringContent(OnboardingBenchmark.Form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var created = await http.PostAsync("/v1/accounts", content);
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var account = JsonDocument.Parse(await http.GetStringAsync($"/v1/accounts/{id}"));
            if (account.RootElement.GetProperty("charges_enabled").GetBoolean())
            {
                return id;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The seller {id} was never enabled.");
    }

    static async Task WarmUpAsync(HttpClient http, string form)
    {
        var succeeded = 0;
        for (var attempt = 0; attempt < 600 && succeeded < 50; attempt++)
        {
            if ((await PayAsync(http, form)).Succeeded)
            {
                succeeded++;
            }
            else
            {
                await Task.Delay(100);
            }
        }

        if (succeeded < 50)
        {
            throw new InvalidOperationException("The warm-up payments never succeeded: is the stack up (deploy/local/up)?");
        }
    }

    static async Task<JsonElement> AdminAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppProcess.RepositoryRoot(), "deploy/local/admin")) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? JsonDocument.Parse(output).RootElement.Clone() : throw new InvalidOperationException($"admin {arguments[0]} failed");
    }
}
