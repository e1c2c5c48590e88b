namespace Marketplace.Onboarding.AccountSessions;

/// <summary>The embedded components an account session opens; embedded onboarding is the one this platform offers.</summary>
public sealed record AccountSessionComponents(AccountOnboardingComponent AccountOnboarding);
