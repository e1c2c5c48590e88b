using Marketplace.Onboarding.Accounts;

namespace Marketplace.Onboarding.Persons;

/// <summary>A <c>persons</c> row as Dapper reads it.</summary>
internal sealed record PersonRow
{
    public const string Columns = "id, account_id, created, record::text AS record";

    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public DateTime Created { get; init; }
    public required string Record { get; init; }

    public StoredPerson ToStored() =>
        new(Id, AccountId, new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)), RecordJson.Read<PersonRecord>(Record));
}
