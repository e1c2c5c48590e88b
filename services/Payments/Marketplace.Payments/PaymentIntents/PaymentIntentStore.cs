using Dapper;
using Marketplace.Api.Lists;
using Marketplace.Payments.Search;
using Npgsql;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// The SQL of <c>payment_intents</c>. The API's statements are scoped to the account the request acts on; the
/// payment saga's, which move an intent to where its attempt left it, are guarded by the attempt (<c>latest_charge</c>),
/// so that a late step of an abandoned attempt never overwrites a newer one.
/// </summary>
public static class PaymentIntentStore
{
    const string Columns =
        """
        id, account_id, platform_id, created, amount, amount_capturable, amount_received, currency, status, capture_method, confirmation_method,
        customer_id, payment_method_id, payment_method_types, setup_future_usage, description, receipt_email, statement_descriptor,
        statement_descriptor_suffix, on_behalf_of, destination, transfer_amount, application_fee_amount, transfer_group, latest_charge,
        last_payment_error::text AS last_payment_error, next_action::text AS next_action, review_id, cancellation_reason, canceled_at,
        client_secret, return_url, off_session, request_incremental_authorization, metadata::text AS metadata
        """;

    /// <summary>
    /// Inserts the intent, unless one of the account was already created with <paramref name="idempotencyKey"/>:
    /// then nothing is written and that one is returned.
    /// </summary>
    public static async Task<PaymentIntentRow?> InsertAsync(
        NpgsqlTransaction transaction, PaymentIntentRow intent, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(intent);
        parameters.Add("IdempotencyKey", idempotencyKey);
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payment_intents (id, account_id, platform_id, created, amount, currency, status, capture_method, confirmation_method,
                customer_id, payment_method_id, payment_method_types, setup_future_usage, description, receipt_email, statement_descriptor,
                statement_descriptor_suffix, on_behalf_of, destination, transfer_amount, application_fee_amount, transfer_group, client_secret,
                return_url, request_incremental_authorization, metadata, idempotency_key)
            VALUES (@Id, @AccountId, @PlatformId, @Created, @Amount, @Currency, @Status, @CaptureMethod, @ConfirmationMethod,
                @CustomerId, @PaymentMethodId, @PaymentMethodTypes, @SetupFutureUsage, @Description, @ReceiptEmail, @StatementDescriptor,
                @StatementDescriptorSuffix, @OnBehalfOf, @Destination, @TransferAmount, @ApplicationFeeAmount, @TransferGroup, @ClientSecret,
                @ReturnUrl, @RequestIncrementalAuthorization, @Metadata::jsonb, @IdempotencyKey)
            ON CONFLICT ON CONSTRAINT payment_intents_idempotency DO NOTHING
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        return inserted == 1 ? null : await transaction.Connection!.QuerySingleAsync<PaymentIntentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_intents WHERE account_id = @AccountId AND idempotency_key = @IdempotencyKey",
            new { intent.AccountId, IdempotencyKey = idempotencyKey }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<PaymentIntentRow?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PaymentIntentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_intents WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>The intent, locked until the transaction ends: confirms, captures, cancels and updates of one intent serialise.</summary>
    public static Task<PaymentIntentRow?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<PaymentIntentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_intents WHERE id = @id AND account_id = @accountId FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The intent, whichever account it is on, for the saga.</summary>
    public static Task<PaymentIntentRow> GetAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<PaymentIntentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_intents WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes back what a request changed of a locked intent.</summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, PaymentIntentRow intent, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payment_intents SET amount = @Amount, amount_capturable = @AmountCapturable, amount_received = @AmountReceived,
                currency = @Currency, status = @Status, capture_method = @CaptureMethod, customer_id = @CustomerId,
                payment_method_id = @PaymentMethodId, payment_method_types = @PaymentMethodTypes, setup_future_usage = @SetupFutureUsage,
                description = @Description, receipt_email = @ReceiptEmail, statement_descriptor = @StatementDescriptor,
                statement_descriptor_suffix = @StatementDescriptorSuffix, application_fee_amount = @ApplicationFeeAmount,
                transfer_amount = @TransferAmount, transfer_group = @TransferGroup, latest_charge = @LatestCharge,
                last_payment_error = @LastPaymentError::jsonb, next_action = @NextAction::jsonb, review_id = @ReviewId,
                cancellation_reason = @CancellationReason, canceled_at = @CanceledAt, return_url = @ReturnUrl, off_session = @OffSession,
                request_incremental_authorization = @RequestIncrementalAuthorization, metadata = @Metadata::jsonb
            WHERE id = @Id AND account_id = @AccountId
            """,
            intent, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Moves the intent to where its attempt <paramref name="chargeId"/> left it; nothing when a newer attempt (or a
    /// cancel) has taken the intent over since. Returns the intent as written, or null when nothing was.
    /// </summary>
    public static Task<PaymentIntentRow?> SettleAsync(
        NpgsqlTransaction transaction, string id, string chargeId, PaymentIntentSettlement settlement, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<PaymentIntentRow>(new CommandDefinition(
            $"""
            UPDATE payment_intents SET status = @Status, amount_capturable = @AmountCapturable, amount_received = @AmountReceived,
                last_payment_error = @LastPaymentError::jsonb, next_action = @NextAction::jsonb, review_id = COALESCE(@ReviewId, review_id),
                payment_method_id = CASE WHEN @ClearPaymentMethod THEN NULL ELSE payment_method_id END,
                cancellation_reason = COALESCE(@CancellationReason, cancellation_reason),
                canceled_at = CASE WHEN @Status = 'canceled' THEN now() ELSE canceled_at END
            WHERE id = @Id AND latest_charge = @ChargeId AND status <> 'canceled'
            RETURNING {Columns}
            """,
            new
            {
                Id = id,
                ChargeId = chargeId,
                settlement.Status,
                settlement.AmountCapturable,
                settlement.AmountReceived,
                settlement.LastPaymentError,
                settlement.NextAction,
                settlement.ReviewId,
                settlement.ClearPaymentMethod,
                settlement.CancellationReason,
            },
            transaction, cancellationToken: cancellationToken));

    /// <summary>One page of <c>GET /v1/payment_intents</c>, filtered by customer when given.</summary>
    public static async Task<IReadOnlyList<PaymentIntentRow>> ListAsync(
        NpgsqlDataSource dataSource, string accountId, ListSql page, string? customer, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("customer", customer);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PaymentIntentRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM payment_intents
            WHERE account_id = @accountId AND (@customer::text IS NULL OR customer_id = @customer) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The account's intents <paramref name="search"/> matches, newest first (<see cref="SearchSql"/>).</summary>
    internal static Task<IReadOnlyList<PaymentIntentRow>> SearchAsync(
        NpgsqlDataSource dataSource, string accountId, SearchRequest search, CancellationToken cancellationToken) =>
        SearchSql.RowsAsync<PaymentIntentRow>(dataSource, $"SELECT {Columns} FROM payment_intents", accountId, search, cancellationToken);
}
