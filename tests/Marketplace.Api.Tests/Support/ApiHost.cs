using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Api.Tests.Support;

/// <summary>An in-process app with the Stripe conventions switched on, served by TestServer.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    readonly WebApplication _app;

    ApiHost(WebApplication app) => _app = app;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<ApiHost> StartAsync(
        Action<WebApplication> map, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        builder.Services.AddStripeApi();
        var app = builder.Build();
        app.UseStripeApiErrors();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApiHost(app) { Client = app.GetTestClient() };
    }

    /// <summary>A Stripe.net client that talks to this app, with no retries so that each call is one request.</summary>
    public Stripe.StripeClient StripeClient() =>
        new(apiKey: "sk_test_123", httpClient: new Stripe.SystemNetHttpClient(Client, maxNetworkRetries: 0), apiBase: Client.BaseAddress!.ToString().TrimEnd('/'));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
