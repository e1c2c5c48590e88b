using Marketplace.Messaging;

namespace Marketplace.Ledger;

public static class LedgerServiceExtensions
{
    /// <summary>The Ledger service's composition root.</summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder) =>
        builder.AddMarketplaceService("ledger", typeof(LedgerServiceExtensions).Assembly);
}
