namespace Marketplace.Onboarding.Persons;

/// <summary>A <c>persons</c> row: its id, its account and creation time, and its record.</summary>
public sealed record StoredPerson(string Id, string AccountId, DateTimeOffset Created, PersonRecord Record);
