using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Messaging;
using Marketplace.Messaging.Sagas;
using Marketplace.Onboarding.AccountLinks;
using Marketplace.Onboarding.Secrets;
using Marketplace.Onboarding.Verification;
using Marketplace.Onboarding.Verification.Sanctions;

namespace Marketplace.Onboarding;

public static class OnboardingServiceExtensions
{
    /// <summary>The Onboarding service's composition root.</summary>
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("onboarding", typeof(OnboardingServiceExtensions).Assembly, bus =>
            bus.AddSagaStateMachine<AccountVerificationStateMachine, AccountVerificationState>(typeof(AccountVerificationStateDefinition)).PostgresRepository());
        builder.Services.AddStripeApi();
        builder.Services.AddStripeApiDocument("onboarding");
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration("Onboarding:Verification");
        builder.Services.AddOptions<AccountLinkOptions>().BindConfiguration("Onboarding:AccountLinks");
        builder.Services.AddSingleton(provider => new SecretSealer(
            provider.GetRequiredService<IConfiguration>()[SecretSealer.KeySetting]
                ?? throw new InvalidOperationException($"{SecretSealer.KeySetting} is not configured.")));
        builder.Services.AddSingleton(provider => SanctionsList.LoadFrom(provider.GetRequiredService<IConfiguration>()["Onboarding:SanctionsListPath"]));
        return builder;
    }
}
