using Marketplace.Webhooks;
using Marketplace.Webhooks.BackboneProbes;
using Marketplace.Api;
using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebhooks();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
app.UseStripeApi();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapBackboneProbesApi();
app.Run();
