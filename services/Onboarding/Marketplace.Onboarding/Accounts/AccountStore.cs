using Dapper;
using Marketplace.Api.Context;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// The SQL of <c>accounts</c>. Reads for the API are scoped to the platform that created the account — another
/// platform's account is not found, exactly as one that does not exist — and, for a request acting on a connected
/// account (<c>Stripe-Account</c>), to that account alone: a seller never sees its sibling sellers.
/// </summary>
internal static class AccountStore
{
    /// <summary>The platform's accounts; only the acting one when the request acts on a connected account.</summary>
    const string Scope = "platform_id = @platformId AND (@acting::text IS NULL OR id = @acting)";

    static object Scoped(RequestContext context, string id) =>
        new { id, platformId = context.PlatformId, acting = context.IsConnectedAccount ? context.AccountId : null };

    /// <summary>Inserts the account, unless the platform already created one with <paramref name="idempotencyKey"/>: then that one is returned.</summary>
    public static async Task<StoredAccount?> InsertAsync(
        NpgsqlTransaction transaction, StoredAccount account, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO accounts (id, platform_id, created, record, idempotency_key)
            VALUES (@Id, @PlatformId, @Created, @Record::jsonb, @IdempotencyKey)
            ON CONFLICT ON CONSTRAINT accounts_idempotency DO NOTHING
            """,
            new { account.Id, account.PlatformId, account.Created, Record = RecordJson.Write(account.Record), IdempotencyKey = idempotencyKey },
            transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return null;
        }

        var row = await transaction.Connection!.QuerySingleAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE platform_id = @PlatformId AND idempotency_key = @idempotencyKey",
            new { account.PlatformId, idempotencyKey }, transaction, cancellationToken: cancellationToken));
        return row.ToStored();
    }

    public static async Task<StoredAccount?> FindAsync(NpgsqlConnection connection, RequestContext context, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id AND {Scope} AND deleted_at IS NULL",
            Scoped(context, id), cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    /// <summary>Any platform's account: for the hosted pages, where the account link already named it.</summary>
    public static async Task<StoredAccount?> FindAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id AND deleted_at IS NULL",
            new { id }, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    /// <summary>The platform's account, locked until the transaction ends, so that concurrent writes apply one after the other.</summary>
    public static async Task<StoredAccount?> LockAsync(NpgsqlTransaction transaction, RequestContext context, string id, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id AND {Scope} AND deleted_at IS NULL FOR UPDATE",
            Scoped(context, id), transaction, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    /// <summary>Any platform's account, locked: for the verification saga's steps, which act for no request.</summary>
    public static async Task<StoredAccount?> LockAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id AND deleted_at IS NULL FOR UPDATE",
            new { id }, transaction, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    public static Task UpdateAsync(NpgsqlTransaction transaction, string id, AccountRecord record, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET record = @record::jsonb WHERE id = @id",
            new { id, record = RecordJson.Write(record) }, transaction, cancellationToken: cancellationToken));

    public static Task MarkDeletedAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET deleted_at = now() WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>True when <paramref name="id"/> names an account of the platform, deleted ones included (a page cursor stays usable).</summary>
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, RequestContext context, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM accounts WHERE id = @id AND {Scope})",
            Scoped(context, id), cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<StoredAccount>> ListAsync(
        NpgsqlConnection connection, RequestContext context, ListSql page, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.AddDynamicParams(Scoped(context, ""));
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            $"""
            SELECT {AccountRow.Columns} FROM accounts
            WHERE {Scope} AND deleted_at IS NULL AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToStored())];
    }
}
