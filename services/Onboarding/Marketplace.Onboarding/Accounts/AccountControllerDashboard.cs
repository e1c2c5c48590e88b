namespace Marketplace.Onboarding.Accounts;

/// <summary><c>full</c>, <c>express</c> or <c>none</c>.</summary>
public sealed record AccountControllerDashboard(string Type);
