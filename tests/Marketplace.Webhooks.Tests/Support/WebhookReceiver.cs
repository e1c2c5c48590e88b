using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Webhooks.Tests.Support;

/// <summary>
/// A platform's webhook endpoints: Kestrel on 127.0.0.1 and a random port, recording every request and answering with
/// the status <see cref="Answer"/> picks for it (200 unless told otherwise); a 3xx carries <c>Location: /redirected</c>.
/// </summary>
sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The status for the <c>ordinal</c>-th request to <c>path</c>.</summary>
    public Func<string, int, int> Answer { get; set; } = static (_, _) => StatusCodes.Status200OK;

    /// <summary>How long to wait before answering the <c>ordinal</c>-th request to <c>path</c>.</summary>
    public Func<string, int, TimeSpan> Delay { get; set; } = static (_, _) => TimeSpan.Zero;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public string Url(string path) => $"{_app.Urls.Single()}/{path}";

    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. _received.Where(r => r.Path == "/" + path)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var ordinal = _counts.AddOrUpdate(path, 1, static (_, count) => count + 1);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var status = Answer(path.TrimStart('/'), ordinal);
        _received.Enqueue(new ReceivedWebhook(
            path, ordinal, body, context.Request.Headers["Stripe-Signature"].ToString(), context.Request.ContentType, DateTimeOffset.UtcNow, status));

        await Task.Delay(Delay(path.TrimStart('/'), ordinal), context.RequestAborted);
        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
        {
            context.Response.Headers.Location = "/redirected";
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
