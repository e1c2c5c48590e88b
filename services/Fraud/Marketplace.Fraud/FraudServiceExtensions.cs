using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Fraud.Rules;
using Marketplace.Fraud.Velocity;
using Marketplace.Messaging;

namespace Marketplace.Fraud;

public static class FraudServiceExtensions
{
    /// <summary>The Fraud service's composition root.</summary>
    public static IHostApplicationBuilder AddFraud(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("fraud", typeof(FraudServiceExtensions).Assembly);
        builder.Services.AddStripeApi();
        builder.Services.AddStripeApiDocument("fraud");
        builder.Services.AddSingleton<RuleSetCache>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<VelocityCleanup>();
        return builder;
    }
}
