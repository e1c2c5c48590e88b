using Marketplace.Messaging;

namespace Marketplace.Payouts;

public static class PayoutsServiceExtensions
{
    /// <summary>The Payouts service's composition root.</summary>
    public static IHostApplicationBuilder AddPayouts(this IHostApplicationBuilder builder) =>
        builder.AddMarketplaceService("payouts", typeof(PayoutsServiceExtensions).Assembly);
}
