using Marketplace.Webhooks;
using Marketplace.Webhooks.BackboneProbes;
using Marketplace.Webhooks.Deliveries;
using Marketplace.Webhooks.Events;
using Marketplace.Webhooks.WebhookEndpoints;
using Marketplace.Api;
using Marketplace.Api.Documentation;
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
app.MapStripeApiDocument();
app.MapBackboneProbesApi();
app.MapEventsApi();
app.MapWebhookEndpointsApi();
app.MapDeliveryAttemptsApi();
app.Run();
