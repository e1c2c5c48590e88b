namespace Marketplace.Onboarding.AccountSessions;

/// <summary>Stripe's <c>components[account_onboarding]</c>: whether the session opens embedded onboarding, and how.</summary>
public sealed record AccountOnboardingComponent(bool Enabled, AccountOnboardingFeatures Features);
