using System.Collections.Concurrent;
using Marketplace.Api.Context;
using Marketplace.Gateway.RequestIds;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// A real Kestrel server standing in for one service: answers <c>/health</c> with 200 and every other path with
/// <c>{"service": name, "request_id": …, "body": …}</c>, echoing the Request-Id it was given as a service would, and remembers what it saw,
/// including the request context it could verify with the key the services share with the gateway.
/// </summary>
public sealed class StubService : IAsyncDisposable
{
    readonly WebApplication _app;
    static readonly GatewayContextSigner Signer = new(TestSigningKey.Value, TimeProvider.System);
    readonly ConcurrentQueue<SeenRequest> _seen = new();
    bool _stopped;

    StubService(string name)
    {
        Name = name;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/health", () => Results.Json(new { status = "Healthy" }));
        _app.Map("{**path}", async (HttpContext context) =>
        {
            var requestId = context.Request.Headers[RequestId.HeaderName].ToString();
            _seen.Enqueue(new SeenRequest(
                context.Request.Method,
                $"{context.Request.Path}{context.Request.QueryString}",
                requestId,
                context.Request.Headers["traceparent"].FirstOrDefault(),
                Signer.Verify(context.Request),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            context.Response.Headers[RequestId.HeaderName] = requestId;

            // Behaviours a test asks for through headers the gateway passes on.
            if (int.TryParse(context.Request.Headers[DelayHeader], out var delay))
            {
                await Task.Delay(delay);
            }

            var status = int.TryParse(context.Request.Headers[StatusHeader], out var asked) ? asked : StatusCodes.Status200OK;
            using var reader = new StreamReader(context.Request.Body);
            return Results.Json(new { service = Name, request_id = requestId, body = await reader.ReadToEndAsync() }, statusCode: status);
        });
    }

    /// <summary>A request header asking the stub to wait this many milliseconds before answering.</summary>
    public const string DelayHeader = "Stub-Delay-Ms";

    /// <summary>A request header asking the stub to answer with this status code.</summary>
    public const string StatusHeader = "Stub-Status";

    /// <summary>Every request the gateway forwarded to this stub whose path is <paramref name="path"/>.</summary>
    public IReadOnlyList<SeenRequest> ReceivedAt(string path) => [.. _seen.Where(r => r.PathAndQuery == path)];

    public string Name { get; }

    public Uri Address { get; private set; } = null!;

    public static async Task<StubService> StartAsync(string name)
    {
        var service = new StubService(name);
        await service._app.StartAsync();
        service.Address = new Uri(service._app.Urls.Single());
        return service;
    }

    /// <summary>The request the gateway forwarded under <paramref name="requestId"/>, if this service saw it.</summary>
    public SeenRequest? Received(string requestId) => _seen.FirstOrDefault(r => r.RequestId == requestId);

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
