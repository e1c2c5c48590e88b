using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Payments.Disputes;

/// <summary>
/// The SQL of <c>disputes</c>. The API's reads are scoped to the account the request acts on; the consumers find a
/// dispute by its id alone, in their consume transaction.
/// </summary>
internal static class DisputeStore
{
    const string Columns =
        """
        id, account_id, platform_id, charge_id, payment_intent_id, created, amount, currency, reason, status, inquiry, payment_method_type, card_brand,
        evidence::text AS evidence, evidence_due_by, submission_count, withdrawal_balance_transaction_id,
        reinstatement_balance_transaction_id, metadata::text AS metadata
        """;

    /// <summary>Opens the dispute; false when the charge already has one (a redelivered <c>ChargeSettled</c>).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, DisputeRow dispute, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO disputes (id, account_id, platform_id, charge_id, payment_intent_id, created, amount, currency, reason, status, inquiry,
                payment_method_type, card_brand, evidence, evidence_due_by, metadata)
            VALUES (@Id, @AccountId, @PlatformId, @ChargeId, @PaymentIntentId, @Created, @Amount, @Currency, @Reason, @Status, @Inquiry,
                @PaymentMethodType, @CardBrand, @Evidence::jsonb, @EvidenceDueBy, @Metadata::jsonb)
            ON CONFLICT ON CONSTRAINT disputes_one_per_charge DO NOTHING
            """,
            dispute, transaction, cancellationToken: cancellationToken)) == 1;

    public static async Task<DisputeRow?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DisputeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM disputes WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>The dispute, locked until the transaction ends; null when the account has no such dispute.</summary>
    public static Task<DisputeRow?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<DisputeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM disputes WHERE id = @id AND account_id = @accountId FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The dispute, locked, whichever account it is on (for the consumers of the Ledger's answers).</summary>
    public static Task<DisputeRow?> LockAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<DisputeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM disputes WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>Whether the charge has a dispute that took its money (a chargeback, or a lost inquiry): then it cannot be refunded.</summary>
    public static Task<bool> BlocksRefundsAsync(NpgsqlTransaction transaction, string chargeId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM disputes WHERE charge_id = @chargeId AND (NOT inquiry OR status = 'lost'))",
            new { chargeId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes what changes in a dispute's life: status, evidence, submissions, the Ledger's balance transactions, metadata.</summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, DisputeRow dispute, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE disputes SET status = @Status, evidence = @Evidence::jsonb, submission_count = @SubmissionCount,
                withdrawal_balance_transaction_id = @WithdrawalBalanceTransactionId,
                reinstatement_balance_transaction_id = @ReinstatementBalanceTransactionId, metadata = @Metadata::jsonb
            WHERE id = @Id
            """,
            dispute, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM disputes WHERE id = @id AND account_id = @accountId)", new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>One page of <c>GET /v1/disputes</c>, filtered by charge and payment intent when given.</summary>
    public static async Task<IReadOnlyList<DisputeRow>> ListAsync(
        NpgsqlDataSource dataSource, string accountId, ListSql page, string? charge, string? paymentIntent, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("charge", charge);
        parameters.Add("paymentIntent", paymentIntent);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DisputeRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM disputes
            WHERE account_id = @accountId AND (@charge::text IS NULL OR charge_id = @charge)
                AND (@paymentIntent::text IS NULL OR payment_intent_id = @paymentIntent) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
