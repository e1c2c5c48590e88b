using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Ledger.Funds;
using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Reconciliation;
using Marketplace.Ledger.Topups;
using Marketplace.Ledger.Transfers;
using Marketplace.Messaging;

namespace Marketplace.Ledger;

public static class LedgerServiceExtensions
{
    /// <summary>The Ledger service's composition root.</summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("ledger", typeof(LedgerServiceExtensions).Assembly);
        builder.Services.AddStripeApi();
        builder.Services.AddStripeApiDocument("ledger");
        builder.Services.Configure<JournalWriterOptions>(builder.Configuration.GetSection("Ledger:Journal"));
        builder.Services.AddSingleton<JournalWriter>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<JournalWriter>());
        builder.Services.AddSingleton(FeeSchedule.StandardCard);
        builder.Services.AddSingleton<InvariantChecker>();
        builder.Services.AddSingleton<DailyReports>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<TopupOptions>(builder.Configuration.GetSection("Ledger:Topups"));
        builder.Services.Configure<FundsOptions>(builder.Configuration.GetSection("Ledger:Funds"));
        builder.Services.Configure<FxOptions>(builder.Configuration.GetSection("Ledger:Fx"));
        builder.Services.AddSingleton<FxRates>();
        builder.Services.AddSingleton<TransferReverser>();
        return builder;
    }
}
