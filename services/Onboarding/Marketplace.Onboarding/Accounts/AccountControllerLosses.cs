namespace Marketplace.Onboarding.Accounts;

/// <summary>Who is liable for negative balances: <c>stripe</c> or <c>application</c>.</summary>
public sealed record AccountControllerLosses(string Payments);
