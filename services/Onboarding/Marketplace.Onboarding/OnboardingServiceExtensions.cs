using Marketplace.Messaging;

namespace Marketplace.Onboarding;

public static class OnboardingServiceExtensions
{
    /// <summary>The Onboarding service's composition root.</summary>
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder) =>
        builder.AddMarketplaceService("onboarding", typeof(OnboardingServiceExtensions).Assembly);
}
