using Marketplace.Api.Context;
using Marketplace.Contracts.Accounts;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Contracts.Fraud;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// The Payments host with its relay, consumers and payment saga running beside a <see cref="LedgerDouble"/> and a
/// <see cref="FraudDouble"/>, for payments, refunds and disputes: what Payments sends the Ledger and Fraud is answered,
/// and the answers come back through RabbitMQ into its consumers. The refund test cards' second act comes after half a
/// second instead of thirty, a SEPA debit settles after half a second, a late one after two.
/// </summary>
public class SettlingPaymentsService : IAsyncLifetime
{
    readonly ServiceFactory<Program> _factory = new ServiceFactory<Program>("payments")
        .WithSetting("Payments:VaultKey", PaymentsService.VaultKey)
        .WithSetting("Payments:Refunds:TestCardDelay", "00:00:00.5")
        // Long enough that a loaded machine does not turn the tests' "succeeded" into "pending", short enough to wait out.
        .WithSetting("Payments:Refunds:SettleWithin", "00:00:05")
        .WithSetting("Payments:SepaDebit:SettlementDelay", "00:00:00.5")
        .WithSetting("Payments:SepaDebit:LateSettlementDelay", "00:00:02");

    public SettlingPaymentsService()
    {
    }

    /// <summary>A host with more configuration, for fixtures that need the service tuned (shorter deadlines).</summary>
    protected SettlingPaymentsService(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, value) in settings)
        {
            _factory.WithSetting(key, value);
        }
    }

    LedgerDouble? _ledger;
    FraudDouble? _fraud;
    readonly MessageRecorder<ApiEventRaised> _events = new();
    readonly MessageRecorder<EarlyFraudWarningIssued> _fraudWarnings = new();
    readonly MessageRecorder<ConnectedAccountTriggered> _accountTriggers = new();

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    public IBus Bus => _factory.Services.GetRequiredService<IBus>();

    /// <summary>The service's own connection pool (not the test database's).</summary>
    public NpgsqlDataSource Pool => _factory.Services.GetRequiredService<NpgsqlDataSource>();

    public LedgerDouble Ledger => _ledger ?? throw new InvalidOperationException("Not started.");

    public FraudDouble Fraud => _fraud ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every event the service raised, as the Webhooks service receives them.</summary>
    public IReadOnlyList<ApiEventRaised> Events => _events.Messages;

    /// <summary>Every early fraud warning the service passed on, as Fraud receives them.</summary>
    public IReadOnlyList<EarlyFraudWarningIssued> FraudWarnings => _fraudWarnings.Messages;

    /// <summary>Every Connect trigger card's effect the service passed on, as Onboarding receives them.</summary>
    public IReadOnlyList<ConnectedAccountTriggered> AccountTriggers => _accountTriggers.Messages;

    public HttpClient ClientFor(RequestContext context) => _factory.ClientFor(context);

    /// <summary>Stripe.net 53.1.0 talking to the service for <paramref name="context"/>, without retries so each call is one request.</summary>
    public Stripe.RefundService RefundsFor(RequestContext context) => new(StripeFor(context));

    public Stripe.DisputeService DisputesFor(RequestContext context) => new(StripeFor(context));

    public Stripe.PaymentIntentService PaymentIntentsFor(RequestContext context) => new(StripeFor(context));

    public Stripe.PaymentMethodService PaymentMethodsFor(RequestContext context) => new(StripeFor(context));

    public Stripe.ChargeService ChargesFor(RequestContext context) => new(StripeFor(context));

    Stripe.StripeClient StripeFor(RequestContext context)
    {
        var http = ClientFor(context);
        return new Stripe.StripeClient(
            apiKey: "sk_test_x",
            httpClient: new Stripe.SystemNetHttpClient(http, maxNetworkRetries: 0),
            apiBase: http.BaseAddress!.ToString().TrimEnd('/'));
    }

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
        _ledger = await LedgerDouble.StartAsync(Bus);
        _fraud = await FraudDouble.StartAsync(Bus);
        await _events.StartAsync(Bus);
        await _fraudWarnings.StartAsync(Bus);
        await _accountTriggers.StartAsync(Bus);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
