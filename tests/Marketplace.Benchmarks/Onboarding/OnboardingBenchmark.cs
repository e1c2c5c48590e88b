using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Benchmarks.Onboarding;

/// <summary>
/// Accounts created and fully verified per second through the real gateway, and the time from create to
/// <c>charges_enabled</c>. The gateway and the Onboarding service run as their own Release processes on throw-away
/// databases and a virtual host. Each account is a custom French individual with every field due and Stripe's
/// test values that verify at once (date of birth 1902-01-01), so the time measured is the service's: the API
/// write, the outbox, the saga's three steps over RabbitMQ, the outcome applied and announced (the
/// <c>ConnectedAccountUpdated</c> event a platform's services and webhook learn it from). The baseline is the same
/// creates without waiting for verification: what the API alone sustains on this machine.
/// </summary>
public static class OnboardingBenchmark
{
    const int Clients = 16;
    const int WarmUp = 1_000;
    internal const string Form =
        "type=custom&country=FR&business_type=individual&email=jenny%40example.com" +
        "&capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true" +
        "&individual[first_name]=Jenny&individual[last_name]=Rosen&individual[email]=jenny%40example.com&individual[phone]=%2B33612345678" +
        "&individual[dob][day]=1&individual[dob][month]=1&individual[dob][year]=1902&individual[address][line1]=address_full_match" +
        "&individual[address][city]=Paris&individual[address][postal_code]=75001&individual[address][country]=FR" +
        "&individual[verification][document][front]=file_identity_document_success&business_profile[mcc]=5734" +
        "&business_profile[url]=https%3A%2F%2Fexample.com&tos_acceptance[date]=1700000000&tos_acceptance[ip]=203.0.113.7" +
        "&external_account[object]=bank_account&external_account[account_number]=FR1420041010050500013M02606";

    public static async Task<int> RunAsync(int accounts)
    {
        await using var gatewayDatabase = new TestDatabase();
        await using var onboardingDatabase = new TestDatabase();
        await using var broker = new TestBroker();
        await gatewayDatabase.InitializeAsync();
        await onboardingDatabase.InitializeAsync();
        await broker.InitializeAsync();
        var signingKey = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        await using var onboarding = await AppProcess.StartAsync("services/Onboarding/Marketplace.Onboarding", new Dictionary<string, string>
        {
            // Five receive endpoints of 32 concurrent messages each, plus the API, would ask for more connections than this
            // PostgreSQL has slots (100, shared with the gateway and whatever else runs): the pool waits instead.
            ["ConnectionStrings__onboarding"] = onboardingDatabase.ConnectionString + ";Maximum Pool Size=40",
            ["ConnectionStrings__rabbitmq"] = broker.ConnectionString,
            ["Gateway__ContextSigningKey"] = signingKey,
            ["Onboarding__EncryptionKey"] = Guid.NewGuid().ToString("N"),
        });
        var secretKey = "sk_test_" + Guid.NewGuid().ToString("N");
        await using var gateway = await AppProcess.StartAsync("gateway/Marketplace.Gateway", new Dictionary<string, string>
        {
            ["ConnectionStrings__gateway"] = gatewayDatabase.ConnectionString,
            ["ConnectionStrings__rabbitmq"] = broker.ConnectionString,
            ["Gateway__ContextSigningKey"] = signingKey,
            ["Gateway__RateLimits__Enabled"] = "false",
            ["MARKETPLACE_BOOTSTRAP_SECRET_KEY"] = secretKey,
            ["ReverseProxy__Clusters__onboarding__Destinations__onboarding__Address"] = onboarding.Address.ToString(),
        });
        using var http = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);

        await using var enabled = await ChargesEnabledEvents.StartAsync(broker);

        // Both processes just started: until their hot paths are recompiled with their profiles the JIT takes a
        // sixth of the machine, which a service that runs for days does not pay.
        Console.WriteLine("warming up");
        await RunAsync(http, WarmUp, enabled);
        var (createRate, _, _, created) = await RunAsync(http, accounts, verified: null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline, create only: {createRate:F1} accounts/s"));
        // Those accounts' verifications are still queued: the next phase starts once they are done, not behind them.
        await Task.WhenAll(created.Select(enabled.EnabledAsync));
        var (verifiedRate, p50, p99, _) = await RunAsync(http, accounts, enabled);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours, created and verified: {verifiedRate:F1} accounts/s, create to charges_enabled p50 {p50:F0} ms, p99 {p99:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT onboarding verified_per_s={verifiedRate:F1} created_per_s={createRate:F1} p50_ms={p50:F0} p99_ms={p99:F0} ratio={verifiedRate / createRate:F2}"));
        return 0;
    }

    /// <summary><paramref name="count"/> accounts by <see cref="Clients"/> clients; with <paramref name="verified"/>, each waits for <c>charges_enabled</c>.</summary>
    static async Task<(double PerSecond, double P50, double P99, IReadOnlyCollection<string> Ids)> RunAsync(
        HttpClient http, int count, ChargesEnabledEvents? verified)
    {
        var remaining = count;
        var latencies = new ConcurrentBag<double>();
        var ids = new ConcurrentBag<string>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new StringContent(Form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/accounts") { Content = content };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                using var created = await http.SendAsync(request);
                created.EnsureSuccessStatusCode();
                var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                ids.Add(id);
                if (verified is not null)
                {
                    await verified.EnabledAsync(id);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var sorted = latencies.Order().ToArray();
        return (count / wall.Elapsed.TotalSeconds, sorted[(int)(0.50 * (sorted.Length - 1))], sorted[(int)(0.99 * (sorted.Length - 1))], ids);
    }
}
