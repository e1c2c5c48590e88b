namespace Marketplace.Onboarding.Accounts;

/// <summary>An <c>accounts</c> row: its id, its platform and creation time, and its record.</summary>
public sealed record StoredAccount(string Id, string PlatformId, DateTimeOffset Created, AccountRecord Record);
