using Marketplace.Payments;
using Marketplace.Api;
using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPayments();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
app.UseStripeApi();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.Run();
