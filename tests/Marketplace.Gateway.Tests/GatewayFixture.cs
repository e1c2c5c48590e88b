using System.Net.Http.Headers;
using Marketplace.Api.Context;
using Marketplace.Gateway.ApiKeys;
using Marketplace.Gateway.Platforms;
using Marketplace.Gateway.Tests;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(GatewayFixture))]

namespace Marketplace.Gateway.Tests;

/// <summary>
/// The gateway in front of a stub for each of the seven services, on a throw-away database and broker.
/// Shared by all tests: every test finds its own forwarded request by the Request-Id the gateway answered with.
/// The first platform exists from start-up (<see cref="PlatformBootstrap"/>); tests create others as they need.
/// Key lookups are not cached here, so that a revocation is seen at once.
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

    /// <summary>The bootstrap platform's secret key.</summary>
    public string SecretKey { get; } = ApiKeySecret.New(ApiKeyKind.Secret);

    /// <summary>The gateway's services, for creating platforms, keys and accounts as an operator would.</summary>
    public IServiceProvider Services => _gateway!.Services;

    /// <summary>A client authenticated with the bootstrap platform's secret key.</summary>
    public HttpClient CreateClient() => CreateClient(SecretKey);

    public HttpClient CreateClient(string? apiKey)
    {
        var client = _gateway!.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async Task<NewPlatform> CreatePlatformAsync() =>
        (await Services.GetRequiredService<PlatformStore>().CreateAsync(null, TestContext.Current.CancellationToken))!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _broker.InitializeAsync();

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:gateway"] = _database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = _broker.ConnectionString,
            [PlatformBootstrap.Setting] = SecretKey,
            [Marketplace.Api.StripeApiExtensions.ContextSigningKeySetting] = TestSigningKey.Value,
            ["Gateway:Authentication:CacheDuration"] = "00:00:00",
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
