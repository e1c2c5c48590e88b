using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Benchmarks.Gateway;

/// <summary>The service side of the gateway benchmark: a Kestrel app answering <c>POST /v1/customers</c> with a small fixed object.</summary>
public sealed class TrivialHandler : IAsyncDisposable
{
    static readonly byte[] Body = """{"id":"cus_benchmark","object":"customer","livemode":false}"""u8.ToArray();

    readonly WebApplication _app;

    TrivialHandler(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.Single());

    public static async Task<TrivialHandler> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/customers", static async (HttpContext context) =>
        {
            // Read the form as a service would, then answer.
            await context.Request.ReadFormAsync(context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Body, context.RequestAborted);
        });
        await app.StartAsync();
        return new TrivialHandler(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
