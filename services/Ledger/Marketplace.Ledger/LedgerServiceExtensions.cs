using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Data;
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
        // The writer's own pool: consumers hold a pooled connection while they wait for the writer, so a writer drawing
        // on the same pool could wait for them in turn until the pool's timeout.
        var connectionString = builder.Configuration.GetConnectionString("ledger")
            ?? throw new InvalidOperationException("ConnectionStrings:ledger is not configured.");
        builder.Services.AddKeyedSingleton(JournalWriter.DataSourceKey, (_, _) => ServiceDataSources.Build(connectionString, "ledger-journal-writer", maxPoolSize: 4));
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
