using Marketplace.Onboarding;
using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOnboarding();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.Run();
