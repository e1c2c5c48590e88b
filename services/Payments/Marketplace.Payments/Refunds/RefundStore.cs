using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// The SQL of <c>refunds</c>. The API's reads are scoped to the account the request acts on; the consumers find a
/// refund by its id alone, in their consume transaction.
/// </summary>
internal static class RefundStore
{
    const string Columns =
        """
        id, account_id, platform_id, charge_id, payment_intent_id, created, amount, currency, status, reason, failure_reason,
        reverse_transfer, refund_application_fee, balance_transaction_id, failure_balance_transaction_id, acquirer_reference, metadata::text AS metadata
        """;

    /// <summary>
    /// Inserts <paramref name="refund"/>, unless the account already made one with <paramref name="idempotencyKey"/>:
    /// then nothing is written and that one is returned.
    /// </summary>
    public static async Task<RefundRow?> InsertAsync(
        NpgsqlTransaction transaction, RefundRow refund, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO refunds (id, account_id, platform_id, charge_id, payment_intent_id, created, amount, currency, status, reason,
                reverse_transfer, refund_application_fee, metadata, idempotency_key)
            VALUES (@Id, @AccountId, @PlatformId, @ChargeId, @PaymentIntentId, @Created, @Amount, @Currency, @Status, @Reason,
                @ReverseTransfer, @RefundApplicationFee, @Metadata::jsonb, @IdempotencyKey)
            ON CONFLICT ON CONSTRAINT refunds_idempotency DO NOTHING
            """,
            new
            {
                refund.Id, refund.AccountId, refund.PlatformId, refund.ChargeId, refund.PaymentIntentId, refund.Created, refund.Amount,
                refund.Currency, refund.Status, refund.Reason, refund.ReverseTransfer, refund.RefundApplicationFee, refund.Metadata,
                IdempotencyKey = idempotencyKey,
            },
            transaction, cancellationToken: cancellationToken));
        return inserted == 1 ? null : await FindByIdempotencyKeyAsync(transaction, refund.AccountId, idempotencyKey!, cancellationToken);
    }

    /// <summary>The refund the account created with <paramref name="idempotencyKey"/>, if any.</summary>
    public static Task<RefundRow?> FindByIdempotencyKeyAsync(
        NpgsqlTransaction transaction, string accountId, string idempotencyKey, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<RefundRow>(new CommandDefinition(
            $"SELECT {Columns} FROM refunds WHERE account_id = @accountId AND idempotency_key = @idempotencyKey",
            new { accountId, idempotencyKey }, transaction, cancellationToken: cancellationToken));

    public static async Task<RefundRow?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RefundRow>(new CommandDefinition(
            $"SELECT {Columns} FROM refunds WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>The refund, locked until the transaction ends; null when the account has no such refund.</summary>
    public static Task<RefundRow?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<RefundRow>(new CommandDefinition(
            $"SELECT {Columns} FROM refunds WHERE id = @id AND account_id = @accountId FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The refund, locked, whichever account it is on (for the consumers of the Ledger's and the acquirer's answers).</summary>
    public static Task<RefundRow?> LockAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<RefundRow>(new CommandDefinition(
            $"SELECT {Columns} FROM refunds WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Writes what changes in a refund's life: its status and failure, the Ledger's balance transaction, the acquirer's
    /// reference and the metadata.
    /// </summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, RefundRow refund, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE refunds SET status = @Status, failure_reason = @FailureReason, balance_transaction_id = @BalanceTransactionId,
                failure_balance_transaction_id = @FailureBalanceTransactionId, acquirer_reference = @AcquirerReference, metadata = @Metadata::jsonb
            WHERE id = @Id
            """,
            refund, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM refunds WHERE id = @id AND account_id = @accountId)", new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>One page of refunds, filtered by charge and payment intent when given.</summary>
    public static async Task<IReadOnlyList<RefundRow>> ListAsync(
        NpgsqlDataSource dataSource, string accountId, ListSql page, string? charge, string? paymentIntent, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("charge", charge);
        parameters.Add("paymentIntent", paymentIntent);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RefundRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM refunds
            WHERE account_id = @accountId AND (@charge::text IS NULL OR charge_id = @charge)
                AND (@paymentIntent::text IS NULL OR payment_intent_id = @paymentIntent) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The refund as committed now, outside any transaction: what a create that waits for the Ledger polls.</summary>
    public static async Task<RefundRow> ReadAsync(NpgsqlDataSource dataSource, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<RefundRow>(new CommandDefinition(
            $"SELECT {Columns} FROM refunds WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
