using Marketplace.Gateway.Tests;
using Marketplace.Testing;

[assembly: AssemblyFixture(typeof(GatewayFixture))]

namespace Marketplace.Gateway.Tests;

/// <summary>
/// The gateway in front of a stub for each of the seven services, on a throw-away database and broker.
/// Shared by all tests: every test finds its own forwarded request by the Request-Id the gateway answered with.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    readonly TestBroker _broker = new();
    readonly Dictionary<string, StubService> _services = [];
    GatewayFactory? _gateway;

    /// <summary>The clusters of the route table.</summary>
    public static IReadOnlyList<string> ServiceNames { get; } =
        ["onboarding", "payments", "ledger", "payouts", "billing", "fraud", "webhooks"];

    /// <summary>Services whose stub is stopped before the gateway starts, as a crashed service would be.</summary>
    protected virtual IReadOnlyCollection<string> ServicesDown => [];

    public StubService Service(string name) => _services[name];

    public HttpClient CreateClient() => _gateway!.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _broker.InitializeAsync();

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:gateway"] = _database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = _broker.ConnectionString,
        };
        foreach (var name in ServiceNames)
        {
            var service = await StubService.StartAsync(name);
            if (ServicesDown.Contains(name))
            {
                await service.DisposeAsync();
            }

            _services[name] = service;
            settings[$"ReverseProxy:Clusters:{name}:Destinations:{name}:Address"] = service.Address.ToString();
        }

        _gateway = new GatewayFactory(settings);
        _gateway.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }

        await _broker.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
