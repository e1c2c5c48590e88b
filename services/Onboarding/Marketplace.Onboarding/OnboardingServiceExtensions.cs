using Marketplace.Data;
using Marketplace.Messaging;
using MassTransit;

namespace Marketplace.Onboarding;

public static class OnboardingServiceExtensions
{
    /// <summary>The Onboarding service's composition root.</summary>
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("onboarding", MessagingSchema.Assembly, typeof(OnboardingServiceExtensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumers(typeof(OnboardingServiceExtensions).Assembly));
        return builder;
    }
}
