namespace Marketplace.Onboarding.Accounts;

/// <summary>An <c>accounts</c> row as Dapper reads it.</summary>
internal sealed record AccountRow
{
    public const string Columns = "id, platform_id, created, record::text AS record, deleted_at";

    public required string Id { get; init; }
    public required string PlatformId { get; init; }
    public DateTime Created { get; init; }
    public required string Record { get; init; }
    public DateTime? DeletedAt { get; init; }

    public StoredAccount ToStored() =>
        new(Id, PlatformId, new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)), RecordJson.Read<AccountRecord>(Record));
}
