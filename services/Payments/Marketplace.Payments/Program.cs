using Marketplace.Payments;
using Marketplace.Payments.Customers;
using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPayments();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
app.UseStripeApi();
app.MapCustomersApi();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapStripeApiDocument();
app.Run();
