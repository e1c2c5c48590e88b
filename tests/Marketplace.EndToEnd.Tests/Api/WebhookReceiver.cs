using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.EndToEnd.Tests.Api;

/// <summary>A platform's webhook endpoint: a Kestrel server on loopback that keeps each delivery's body and signature.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication _app;

    WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Body, string Signature)> Deliveries { get; } = new();

    public string Url => _app.Urls.Single() + "/webhooks";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/webhooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            receiver.Deliveries.Enqueue((await reader.ReadToEndAsync(), request.Headers["Stripe-Signature"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
