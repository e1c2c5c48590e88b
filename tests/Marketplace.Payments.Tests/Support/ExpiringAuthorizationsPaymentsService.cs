namespace Marketplace.Payments.Tests.Support;

/// <summary>The settling Payments host whose uncaptured authorisations expire after two seconds instead of seven days.</summary>
public sealed class ExpiringAuthorizationsPaymentsService()
    : SettlingPaymentsService(new Dictionary<string, string> { ["Payments:Saga:AuthorizationValidity"] = "00:00:02" });
