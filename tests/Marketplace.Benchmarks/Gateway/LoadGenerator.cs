using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Marketplace.Benchmarks.Gateway;

/// <summary>
/// Sends the benchmark's request — an authenticated <c>POST /v1/customers</c> with a fresh <c>Idempotency-Key</c>,
/// as Stripe's SDKs send every POST (or without one, to tell the idempotency step's cost apart) — from a number of
/// workers, each waiting for its answer before the next.
/// </summary>
public sealed class LoadGenerator(Uri target, string apiKey, bool idempotent = true) : IDisposable
{
    readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false }) { BaseAddress = target };

    public async Task<LoadResult> RunAsync(int workers, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await SendAsync())
                {
                    Interlocked.Increment(ref failures);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return new LoadResult(latencies.Count, clock.Elapsed, [.. latencies], failures);
    }

    async Task<bool> SendAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers")
        {
            Content = new FormUrlEncodedContent([new("name", "Benchmark"), new("email", "benchmark@example.com")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        using var response = await _client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    public void Dispose() => _client.Dispose();
}
