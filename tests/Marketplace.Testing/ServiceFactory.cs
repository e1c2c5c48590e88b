using Marketplace.Api;
using Marketplace.Api.Context;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Marketplace.Testing;

/// <summary>
/// One service's real host, in memory, on its own throw-away database (named <c>database</c> in its
/// configuration) and RabbitMQ virtual host. <see cref="ClientFor"/> gives an HTTP client whose requests carry the
/// context the gateway would have signed, so tests call <c>/v1</c> as the gateway does.
/// </summary>
public sealed class ServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    readonly string _database;
    readonly bool _ownsServers;

    /// <summary>A host on a database and virtual host of its own, created with it and dropped with it.</summary>
    public ServiceFactory(string database)
        : this(database, new TestDatabase(), new TestBroker(), ownsServers: true)
    {
    }

    /// <summary>
    /// A host on a database and virtual host the caller created and will drop: dispose one host and start another on
    /// the same two, and the second is the service restarted on whatever the first left behind.
    /// </summary>
    public ServiceFactory(string database, TestDatabase sharedDatabase, TestBroker sharedBroker)
        : this(database, sharedDatabase, sharedBroker, ownsServers: false)
    {
    }

    ServiceFactory(string database, TestDatabase testDatabase, TestBroker broker, bool ownsServers)
    {
        _database = database;
        Database = testDatabase;
        Broker = broker;
        _ownsServers = ownsServers;
    }

    public TestDatabase Database { get; }

    public TestBroker Broker { get; }

    public GatewayContextSigner Signer { get; } = new(TestSigningKey.Value, TimeProvider.System);

    /// <summary>Extra configuration for the host; set before the first client is created.</summary>
    public ServiceFactory<TEntryPoint> WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    public async ValueTask InitializeAsync()
    {
        if (_ownsServers)
        {
            await Database.InitializeAsync();
            await Broker.InitializeAsync();
        }
    }

    /// <summary>A client acting for <paramref name="context"/> (a fresh request id per request is not needed by the services).</summary>
    public HttpClient ClientFor(RequestContext context) =>
        CreateDefaultClient(new GatewayContextHandler(Signer, context));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting rather than ConfigureAppConfiguration: composition roots read connection strings before Build().
        builder.UseSetting($"ConnectionStrings:{_database}", Database.ConnectionString);
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
        if (_ownsServers)
        {
            await Broker.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
