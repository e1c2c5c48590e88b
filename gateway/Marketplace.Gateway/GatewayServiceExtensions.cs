using Marketplace.Api;
using Marketplace.Api.Context;
using Marketplace.Gateway.Accounts;
using Marketplace.Gateway.ApiKeys;
using Marketplace.Gateway.Authentication;
using Marketplace.Gateway.Health;
using Marketplace.Gateway.Idempotency;
using Marketplace.Gateway.OpenApi;
using Marketplace.Gateway.Platforms;
using Marketplace.Gateway.RateLimits;
using Marketplace.Messaging;

namespace Marketplace.Gateway;

public static class GatewayServiceExtensions
{
    /// <summary>The gateway's composition root.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("gateway", typeof(GatewayServiceExtensions).Assembly);
        builder.Services.AddStripeApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<AuthenticationOptions>(builder.Configuration.GetSection("Gateway:Authentication"));
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<PlatformStore>();
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection("Gateway:Idempotency"));
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton(_ => RequestFingerprint.FromSigningKey(
            builder.Configuration[StripeApiExtensions.ContextSigningKeySetting]
            ?? throw new InvalidOperationException($"{StripeApiExtensions.ContextSigningKeySetting} is not set.")));
        builder.Services.AddHostedService<IdempotencyCleanup>();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("Gateway:RateLimits"));
        builder.Services.AddSingleton<KeyRateLimiter>();
        builder.Services.AddSingleton<LoadShedder>();

        var routeTable = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.AddReverseProxy()
            .LoadFromConfig(routeTable)
            .AddTransforms(transforms => SignedContextTransform.Add(transforms, transforms.Services.GetRequiredService<GatewayContextSigner>()));
        builder.Services.AddServiceHealthChecks(routeTable);
        builder.Services.AddHttpClient(ServiceDocuments.HttpClientName);
        builder.Services.AddSingleton<ServiceDocuments>();
        return builder;
    }
}
