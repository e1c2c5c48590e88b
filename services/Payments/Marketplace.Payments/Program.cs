using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.Payments;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Customers;
using Marketplace.Payments.Disputes;
using Marketplace.Payments.PaymentIntents;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Refunds;
using Marketplace.Payments.SetupIntents;
using Marketplace.Payments.Vault;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPayments();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
// Fails at startup, not at the first card, when the vault key is missing.
app.Services.GetRequiredService<CardVault>();
app.UseStripeApi();
app.MapCustomersApi();
app.MapPaymentMethodsApi();
app.MapPaymentIntentsApi();
app.MapChargesApi();
app.MapRefundsApi();
app.MapDisputesApi();
app.MapSetupIntentsApi();
app.MapAuthenticationPages();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapStripeApiDocument();
app.Run();
