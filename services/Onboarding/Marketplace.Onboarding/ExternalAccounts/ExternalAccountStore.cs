using Dapper;
using Marketplace.Onboarding.Accounts;
using Npgsql;

namespace Marketplace.Onboarding.ExternalAccounts;

/// <summary>
/// The SQL of <c>external_accounts</c>. The sealed number is written here and read by nothing in the API: only the
/// payout rail, when it exists, will open it.
/// </summary>
internal static class ExternalAccountStore
{
    /// <summary>The account's bank accounts, newest first.</summary>
    public static async Task<IReadOnlyList<BankAccount>> ListAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        var records = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT record::text FROM external_accounts WHERE account_id = @accountId AND deleted_at IS NULL ORDER BY id DESC",
            new { accountId }, transaction, cancellationToken: cancellationToken));
        return [.. records.Select(RecordJson.Read<BankAccount>)];
    }

    public static Task InsertAsync(NpgsqlTransaction transaction, BankAccount bankAccount, string sealedNumber, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO external_accounts (id, account_id, created, record, sealed_number)
            VALUES (@Id, @Account, now(), @Record::jsonb, @sealedNumber)
            """,
            new { bankAccount.Id, bankAccount.Account, Record = RecordJson.Write(bankAccount), sealedNumber }, transaction, cancellationToken: cancellationToken));

    public static Task UpdateAsync(NpgsqlTransaction transaction, BankAccount bankAccount, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE external_accounts SET record = @Record::jsonb WHERE id = @Id",
            new { bankAccount.Id, Record = RecordJson.Write(bankAccount) }, transaction, cancellationToken: cancellationToken));

    public static Task MarkDeletedAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE external_accounts SET deleted_at = now() WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
}
