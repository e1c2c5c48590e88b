namespace Marketplace.Onboarding.Accounts;

/// <summary><c>account</c>, <c>application</c>, <c>application_custom</c> or <c>application_express</c>.</summary>
public sealed record AccountControllerFees(string Payer);
