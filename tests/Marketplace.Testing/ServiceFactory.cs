using Marketplace.Api;
using Marketplace.Api.Context;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Marketplace.Testing;

/// <summary>
/// One service's real host, in memory, on its own throw-away database (named <paramref name="database"/> in its
/// configuration) and RabbitMQ virtual host. <see cref="ClientFor"/> gives an HTTP client whose requests carry the
/// context the gateway would have signed, so tests call <c>/v1</c> as the gateway does.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(string database) : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    public TestDatabase Database { get; } = new();

    public TestBroker Broker { get; } = new();

    public GatewayContextSigner Signer { get; } = new(TestSigningKey.Value, TimeProvider.System);

    /// <summary>Extra configuration for the host; set before the first client is created.</summary>
    public ServiceFactory<TEntryPoint> WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();
    }

    /// <summary>A client acting for <paramref name="context"/> (a fresh request id per request is not needed by the services).</summary>
    public HttpClient ClientFor(RequestContext context) =>
        CreateDefaultClient(new GatewayContextHandler(Signer, context));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting rather than ConfigureAppConfiguration: composition roots read connection strings before Build().
        builder.UseSetting($"ConnectionStrings:{database}", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", Broker.ConnectionString);
        builder.UseSetting(StripeApiExtensions.ContextSigningKeySetting, TestSigningKey.Value);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }
}
