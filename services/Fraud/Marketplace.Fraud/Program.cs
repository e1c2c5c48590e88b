using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Data;
using Marketplace.Fraud;
using Marketplace.Fraud.EarlyFraudWarnings;
using Marketplace.Fraud.Reviews;
using Marketplace.Fraud.Rules;
using Marketplace.Fraud.ValueLists;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFraud();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
app.UseStripeApi();
app.MapRulesApi();
app.MapValueListsApi();
app.MapValueListItemsApi();
app.MapReviewsApi();
app.MapEarlyFraudWarningsApi();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapStripeApiDocument();
app.Run();
