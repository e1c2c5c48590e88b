using Marketplace.Ledger.Journal;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Ledger.Tests.Support;

/// <summary>
/// The Ledger service's real host on a throw-away database, one per test class; tests use owners of their own. The
/// simulated bank rail settles top-ups after a second.
/// </summary>
public class LedgerService : IAsyncLifetime
{
    readonly ServiceFactory<Program> _factory;

    public LedgerService()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A host with more configuration, for fixtures that need the service tuned (shorter delays).</summary>
    protected LedgerService(IReadOnlyDictionary<string, string> settings)
    {
        _factory = new ServiceFactory<Program>("ledger").WithSetting("Ledger:Topups:SettlementDelay", "00:00:01");
        foreach (var (key, value) in settings)
        {
            _factory.WithSetting(key, value);
        }
    }

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    public JournalWriter Journal => _factory.Services.GetRequiredService<JournalWriter>();

    public IServiceProvider Services => _factory.Services;

    /// <summary>Stripe.net talking to the service as the gateway would forward for <paramref name="context"/>, without retries.</summary>
    public Stripe.StripeClient StripeFor(Marketplace.Api.Context.RequestContext context)
    {
        var http = _factory.ClientFor(context);
        return new Stripe.StripeClient(apiKey: "sk_test_x", httpClient: new Stripe.SystemNetHttpClient(http, maxNetworkRetries: 0),
            apiBase: http.BaseAddress!.ToString().TrimEnd('/'));
    }

    /// <summary>Plain HTTP to the service as the gateway would forward for <paramref name="context"/>.</summary>
    public HttpClient ClientFor(Marketplace.Api.Context.RequestContext context) => _factory.ClientFor(context);

    public TestDatabase TestDatabase => _factory.Database;

    /// <summary>Plain HTTP to the service, for its <c>/internal</c> endpoints.</summary>
    public HttpClient CreateClient() => _factory.CreateClient();

    public TestBroker TestBroker => _factory.Broker;

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
