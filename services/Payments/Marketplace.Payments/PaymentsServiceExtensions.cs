using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Messaging;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Vault;

namespace Marketplace.Payments;

public static class PaymentsServiceExtensions
{
    /// <summary>The Payments service's composition root.</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("payments", typeof(PaymentsServiceExtensions).Assembly);
        builder.Services.AddStripeApi();
        builder.Services.AddStripeApiDocument("payments");
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.Section));
        builder.Services.AddSingleton<IAcquirer, SimulatedAcquirer>();
        builder.AddAuthenticationPages();
        builder.Services.AddSingleton(provider => new CardVault(
            provider.GetRequiredService<IConfiguration>()[CardVault.KeySetting]
            ?? throw new InvalidOperationException($"{CardVault.KeySetting} is not configured.")));
        return builder;
    }
}
