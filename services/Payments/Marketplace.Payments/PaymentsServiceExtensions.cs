using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Messaging;

namespace Marketplace.Payments;

public static class PaymentsServiceExtensions
{
    /// <summary>The Payments service's composition root.</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("payments", typeof(PaymentsServiceExtensions).Assembly);
        builder.Services.AddStripeApi();
        builder.Services.AddStripeApiDocument("payments");
        return builder;
    }
}
