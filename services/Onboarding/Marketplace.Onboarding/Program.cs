using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.Onboarding;
using Marketplace.Onboarding.AccountLinks;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Capabilities;
using Marketplace.Onboarding.CountrySpecs;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.HostedOnboarding;
using Marketplace.Onboarding.IdentityVerification;
using Marketplace.Onboarding.Persons;
using Marketplace.Onboarding.Secrets;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOnboarding();

var app = builder.Build();
// Fail at start, not at the first bank account, when the encryption key is missing.
app.Services.GetRequiredService<SecretSealer>();
await app.Services.MigrateDatabaseAsync();
app.UseStripeApi();
app.MapAccountsApi();
app.MapPersonsApi();
app.MapCapabilitiesApi();
app.MapCountrySpecsApi();
app.MapExternalAccountsApi();
app.MapAccountLinksApi();
app.MapHostedOnboardingApi();
app.MapVerificationSessionsApi();
app.MapHostedVerificationApi();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapStripeApiDocument();
app.Run();
