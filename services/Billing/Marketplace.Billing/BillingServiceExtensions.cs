using Marketplace.Messaging;

namespace Marketplace.Billing;

public static class BillingServiceExtensions
{
    /// <summary>The Billing service's composition root.</summary>
    public static IHostApplicationBuilder AddBilling(this IHostApplicationBuilder builder) =>
        builder.AddMarketplaceService("billing", typeof(BillingServiceExtensions).Assembly);
}
