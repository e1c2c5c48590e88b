using Dapper;
using Marketplace.Onboarding.Accounts;
using Npgsql;

namespace Marketplace.Onboarding.Persons;

/// <summary>The SQL of <c>persons</c>; callers have checked (and locked) the account the persons belong to.</summary>
internal static class PersonStore
{
    /// <summary>The account's persons, oldest first (the order requirements name them in).</summary>
    public static async Task<IReadOnlyList<StoredPerson>> ListAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<PersonRow>(new CommandDefinition(
            $"SELECT {PersonRow.Columns} FROM persons WHERE account_id = @accountId AND deleted_at IS NULL ORDER BY id",
            new { accountId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToStored())];
    }

    public static Task InsertAsync(NpgsqlTransaction transaction, StoredPerson person, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO persons (id, account_id, created, record) VALUES (@Id, @AccountId, @Created, @Record::jsonb)",
            new { person.Id, person.AccountId, person.Created, Record = RecordJson.Write(person.Record) }, transaction, cancellationToken: cancellationToken));

    public static Task UpdateAsync(NpgsqlTransaction transaction, StoredPerson person, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE persons SET record = @Record::jsonb WHERE id = @Id",
            new { person.Id, Record = RecordJson.Write(person.Record) }, transaction, cancellationToken: cancellationToken));

    public static Task MarkDeletedAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE persons SET deleted_at = now() WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
}
