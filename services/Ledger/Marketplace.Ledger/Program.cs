using Marketplace.Ledger;
using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Data;
using Marketplace.Ledger.Balances;
using Marketplace.Ledger.BalanceTransactions;
using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Reconciliation;
using Marketplace.Ledger.Topups;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLedger();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
await app.Services.GetRequiredService<FxRates>().SeedAsync(CancellationToken.None);
app.UseStripeApi();
app.MapBalanceApi();
app.MapBalanceTransactionsApi();
app.MapTopupsApi();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapReconciliationApi();
app.MapFxRatesApi();
app.MapStripeApiDocument();
app.Run();
