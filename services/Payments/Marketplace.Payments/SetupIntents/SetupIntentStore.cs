using Dapper;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// The SQL of <c>setup_intents</c>. Reads from the API are scoped to the account the request acts on; the consumer
/// of completed challenges finds an intent by id alone, as the challenge names it. Writes run in the caller's
/// transaction, with its outbox messages.
/// </summary>
internal static class SetupIntentStore
{
    const string Columns = "account_id, platform_id, challenge_id, body::text AS body";

    /// <summary>Inserts the intent, unless the account already created one with <paramref name="idempotencyKey"/>: then nothing is written and that one is returned.</summary>
    public static async Task<StoredSetupIntent?> InsertAsync(
        NpgsqlTransaction transaction, string platformId, string accountId, SetupIntent intent, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO setup_intents (id, account_id, platform_id, created, customer_id, payment_method_id, body, idempotency_key)
            VALUES (@Id, @accountId, @platformId, @Created, @Customer, @PaymentMethod, @body::jsonb, @idempotencyKey)
            ON CONFLICT ON CONSTRAINT setup_intents_idempotency DO NOTHING
            """,
            new { intent.Id, accountId, platformId, intent.Created, intent.Customer, intent.PaymentMethod, body = StripeJson.Serialize(intent), idempotencyKey },
            transaction, cancellationToken: cancellationToken));
        return inserted == 1
            ? null
            : await transaction.Connection!.QuerySingleAsync<StoredSetupIntent>(new CommandDefinition(
                $"SELECT {Columns} FROM setup_intents WHERE account_id = @accountId AND idempotency_key = @idempotencyKey",
                new { accountId, idempotencyKey }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<StoredSetupIntent?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSetupIntent>(new CommandDefinition(
            $"SELECT {Columns} FROM setup_intents WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>The intent, locked until the transaction ends, so that confirms, updates, cancels and completions serialise.</summary>
    public static async Task<StoredSetupIntent?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<StoredSetupIntent>(new CommandDefinition(
            $"SELECT {Columns} FROM setup_intents WHERE id = @id AND account_id = @accountId FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The intent a challenge names, locked; whichever account it is on.</summary>
    public static async Task<StoredSetupIntent?> LockAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<StoredSetupIntent>(new CommandDefinition(
            $"SELECT {Columns} FROM setup_intents WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));

    public static Task UpdateAsync(
        NpgsqlTransaction transaction, string accountId, SetupIntent intent, string? challengeId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE setup_intents
            SET customer_id = @Customer, payment_method_id = @PaymentMethod, challenge_id = @challengeId, body = @body::jsonb
            WHERE id = @Id AND account_id = @accountId
            """,
            new { intent.Id, accountId, intent.Customer, intent.PaymentMethod, challengeId, body = StripeJson.Serialize(intent) },
            transaction, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM setup_intents WHERE id = @id AND account_id = @accountId)",
            new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>One page of <c>GET /v1/setup_intents</c>, filtered by customer and payment method when given.</summary>
    public static async Task<IReadOnlyList<SetupIntent>> ListAsync(
        NpgsqlDataSource dataSource, string accountId, ListSql page, string? customer, string? paymentMethod, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("customer", customer);
        parameters.Add("paymentMethod", paymentMethod);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredSetupIntent>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM setup_intents
            WHERE account_id = @accountId AND (@customer::text IS NULL OR customer_id = @customer)
                AND (@paymentMethod::text IS NULL OR payment_method_id = @paymentMethod) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.Intent)];
    }
}
