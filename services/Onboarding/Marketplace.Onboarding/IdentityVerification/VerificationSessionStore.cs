using Dapper;
using Marketplace.Api.Lists;
using Marketplace.Onboarding.AccountLinks;
using Marketplace.Onboarding.Accounts;
using Npgsql;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>The SQL of <c>verification_sessions</c>, scoped to the account the request acts on.</summary>
internal static class VerificationSessionStore
{
    const string Columns = StoredVerificationSession.Columns;

    public static Task InsertAsync(
        NpgsqlConnection connection, string id, string platformId, string accountId, DateTimeOffset created, VerificationSessionRecord record,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO verification_sessions (id, platform_id, account_id, created, record, token_hash)
            VALUES (@id, @platformId, @accountId, @created, @record::jsonb, @tokenHash)
            """,
            new { id, platformId, accountId, created, record = RecordJson.Write(record), tokenHash = TokenHash(record) }, cancellationToken: cancellationToken));

    public static async Task<StoredVerificationSession?> FindAsync(NpgsqlConnection connection, string accountId, string id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<StoredVerificationSession>(new CommandDefinition(
            $"SELECT {Columns} FROM verification_sessions WHERE id = @id AND account_id = @accountId",
            new { id, accountId }, cancellationToken: cancellationToken));

    public static async Task<StoredVerificationSession?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<StoredVerificationSession>(new CommandDefinition(
            $"SELECT {Columns} FROM verification_sessions WHERE id = @id AND account_id = @accountId FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Any account's session, locked: for the hosted page (by its token) and the check (by its id).</summary>
    public static async Task<StoredVerificationSession?> LockAnyAsync(
        NpgsqlTransaction transaction, string? id, string? token, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<StoredVerificationSession>(new CommandDefinition(
            $"SELECT {Columns} FROM verification_sessions WHERE (@id::text IS NULL OR id = @id) AND (@hash::text IS NULL OR token_hash = @hash) FOR UPDATE",
            new { id, hash = token is null ? null : AccountLinkStore.Hash(token) }, transaction, cancellationToken: cancellationToken));

    public static Task UpdateAsync(NpgsqlTransaction transaction, string id, VerificationSessionRecord record, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE verification_sessions SET record = @record::jsonb, token_hash = @tokenHash WHERE id = @id",
            new { id, record = RecordJson.Write(record), tokenHash = TokenHash(record) }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<StoredVerificationSession>> ListAsync(
        NpgsqlConnection connection, string accountId, ListSql page, string? status, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("status", status);
        var rows = await connection.QueryAsync<StoredVerificationSession>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM verification_sessions
            WHERE account_id = @accountId AND (@status::text IS NULL OR record ->> 'status' = @status) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }

    static string? TokenHash(VerificationSessionRecord record) => record.Secret is null ? null : AccountLinkStore.Hash(record.Secret);
}
