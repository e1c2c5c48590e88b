using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Messaging;
using Marketplace.Messaging.Sagas;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.PaymentIntents;
using Marketplace.Payments.PaymentSaga;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Refunds;
using Marketplace.Payments.SepaDebit;
using Marketplace.Payments.Vault;

namespace Marketplace.Payments;

public static class PaymentsServiceExtensions
{
    /// <summary>The Payments service's composition root.</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("payments", typeof(PaymentsServiceExtensions).Assembly, bus =>
            bus.AddSagaStateMachine<PaymentStateMachine, PaymentAttemptState>(typeof(PaymentStateDefinition)).PostgresRepository());
        builder.Services.Configure<PaymentSagaOptions>(builder.Configuration.GetSection(PaymentSagaOptions.Section));
        builder.Services.AddScoped<PaymentAttemptSteps>();
        builder.Services.AddSingleton<PaymentSagaStart>();
        builder.Services.Configure<SepaDebitOptions>(builder.Configuration.GetSection(SepaDebitOptions.Section));
        builder.Services.Configure<PaymentIntentOptions>(builder.Configuration.GetSection(PaymentIntentOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PaymentIntentWaiter>();
        builder.Services.AddStripeApi();
        builder.Services.AddStripeApiDocument("payments");
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.Section));
        builder.Services.AddSingleton<IAcquirer, SimulatedAcquirer>();
        builder.Services.Configure<RefundOptions>(builder.Configuration.GetSection(RefundOptions.Section));
        builder.AddAuthenticationPages();
        builder.Services.AddSingleton(provider => new CardVault(
            provider.GetRequiredService<IConfiguration>()[CardVault.KeySetting]
            ?? throw new InvalidOperationException($"{CardVault.KeySetting} is not configured.")));
        return builder;
    }
}
