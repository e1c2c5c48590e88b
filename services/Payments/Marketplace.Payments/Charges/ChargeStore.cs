using Dapper;
using Marketplace.Api.Lists;
using Marketplace.Payments.Search;
using Npgsql;

namespace Marketplace.Payments.Charges;

/// <summary>
/// The SQL of <c>charges</c>. Reads for the API are scoped to the account the request acts on; the payment saga's
/// writes run in its consume transaction, with its state and outgoing messages.
/// </summary>
public static class ChargeStore
{
    const string Columns =
        """
        id, account_id, platform_id, payment_intent_id, created, amount, amount_captured, amount_refunded, currency, status, captured,
        customer_id, payment_method_id, payment_method_details::text AS payment_method_details, billing_details::text AS billing_details,
        outcome::text AS outcome, failure_code, failure_message, authorization_id, balance_transaction_id, application_fee_id,
        application_fee_amount, destination, transfer_amount, on_behalf_of, transfer_group, description, receipt_email,
        metadata::text AS metadata, review_id, aftermath::text AS aftermath, disputed
        """;

    /// <summary>Writes a new attempt; a redelivered saga step that writes it again changes nothing.</summary>
    public static Task InsertAsync(NpgsqlTransaction transaction, ChargeRow charge, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO charges (id, account_id, platform_id, payment_intent_id, created, amount, currency, status, customer_id, payment_method_id,
                payment_method_details, billing_details, application_fee_amount, destination, transfer_amount, on_behalf_of, transfer_group,
                description, receipt_email, metadata)
            VALUES (@Id, @AccountId, @PlatformId, @PaymentIntentId, @Created, @Amount, @Currency, @Status, @CustomerId, @PaymentMethodId,
                @PaymentMethodDetails::jsonb, @BillingDetails::jsonb, @ApplicationFeeAmount, @Destination, @TransferAmount, @OnBehalfOf, @TransferGroup,
                @Description, @ReceiptEmail, @Metadata::jsonb)
            ON CONFLICT (id) DO NOTHING
            """,
            charge, transaction, cancellationToken: cancellationToken));

    public static async Task<ChargeRow?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ChargeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM charges WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>The charge, whichever account it is on, in the caller's transaction (for the saga and the consumers).</summary>
    public static Task<ChargeRow> GetAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<ChargeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM charges WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The charge, locked until the transaction ends, so that what is refunded or disputed of it changes one request
    /// at a time; null when the account has no such charge.
    /// </summary>
    public static Task<ChargeRow?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<ChargeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM charges WHERE id = @id AND account_id = @accountId FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The payment intent's latest charge, locked as <see cref="LockAsync"/>; null when it has none on the account.</summary>
    public static Task<ChargeRow?> LockLatestAsync(NpgsqlTransaction transaction, string accountId, string paymentIntentId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<ChargeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM charges WHERE payment_intent_id = @paymentIntentId AND account_id = @accountId ORDER BY id DESC LIMIT 1 FOR UPDATE",
            new { paymentIntentId, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>One page of <c>GET /v1/charges</c>, filtered by customer and payment intent when given.</summary>
    public static async Task<IReadOnlyList<ChargeRow>> ListAsync(
        NpgsqlDataSource dataSource, string accountId, ListSql page, string? customer, string? paymentIntent, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("customer", customer);
        parameters.Add("paymentIntent", paymentIntent);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChargeRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM charges
            WHERE account_id = @accountId AND (@customer::text IS NULL OR customer_id = @customer)
                AND (@paymentIntent::text IS NULL OR payment_intent_id = @paymentIntent) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The account's charges <paramref name="search"/> matches, newest first (<see cref="SearchSql"/>).</summary>
    internal static Task<IReadOnlyList<ChargeRow>> SearchAsync(
        NpgsqlDataSource dataSource, string accountId, SearchRequest search, CancellationToken cancellationToken) =>
        SearchSql.RowsAsync<ChargeRow>(dataSource, $"SELECT {Columns} FROM charges", accountId, search, cancellationToken);

    /// <summary>The issuer approved: the charge succeeded, captured or not yet. Returns the charge as it now is.</summary>
    public static Task<ChargeRow> AuthorizedAsync(
        NpgsqlTransaction transaction, string id, string authorizationId, string outcomeJson, string paymentMethodDetailsJson, string? aftermathJson,
        CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<ChargeRow>(new CommandDefinition(
            $"""
            UPDATE charges SET status = 'succeeded', authorization_id = @authorizationId, outcome = @outcomeJson::jsonb,
                payment_method_details = @paymentMethodDetailsJson::jsonb, aftermath = @aftermathJson::jsonb
            WHERE id = @id
            RETURNING {Columns}
            """,
            new { id, authorizationId, outcomeJson, paymentMethodDetailsJson, aftermathJson }, transaction, cancellationToken: cancellationToken));

    public static Task FailedAsync(
        NpgsqlTransaction transaction, string id, string failureCode, string failureMessage, string? outcomeJson, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE charges SET status = 'failed', failure_code = @failureCode, failure_message = @failureMessage,
                outcome = COALESCE(@outcomeJson::jsonb, outcome)
            WHERE id = @id
            """,
            new { id, failureCode, failureMessage, outcomeJson }, transaction, cancellationToken: cancellationToken));

    /// <summary>Captured <paramref name="amount"/>, with the application fee the capture set (it may lower the intent's).</summary>
    public static Task CapturedAsync(
        NpgsqlTransaction transaction, string id, long amount, long? applicationFeeAmount, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE charges SET captured = true, amount_captured = @amount, application_fee_amount = @applicationFeeAmount WHERE id = @id",
            new { id, amount, applicationFeeAmount }, transaction, cancellationToken: cancellationToken));

    /// <summary>Fraud opened a review of the charge (it goes ahead meanwhile).</summary>
    public static Task ReviewOpenedAsync(NpgsqlTransaction transaction, string id, string reviewId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE charges SET review_id = @reviewId WHERE id = @id", new { id, reviewId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The Ledger journaled the captured charge: its balance transaction and application fee are now real. Returns the
    /// charge as it now is.
    /// </summary>
    public static Task<ChargeRow> PostedAsync(
        NpgsqlTransaction transaction, string id, string balanceTransactionId, string? applicationFeeId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<ChargeRow>(new CommandDefinition(
            $"UPDATE charges SET balance_transaction_id = @balanceTransactionId, application_fee_id = @applicationFeeId WHERE id = @id RETURNING {Columns}",
            new { id, balanceTransactionId, applicationFeeId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Adds <paramref name="amount"/> to what is refunded of the charge: a refund's reservation, or (negative) one given
    /// back. The table's CHECK refuses a total beyond what was captured.
    /// </summary>
    public static Task RefundedAsync(NpgsqlTransaction transaction, string id, long amount, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE charges SET amount_refunded = amount_refunded + @amount WHERE id = @id",
            new { id, amount }, transaction, cancellationToken: cancellationToken));

    public static Task DisputedAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE charges SET disputed = true WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>Rewrites what the charge shows of its payment method (the 3D Secure result of its challenge).</summary>
    public static Task PaymentMethodDetailsAsync(NpgsqlTransaction transaction, string id, string paymentMethodDetailsJson, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE charges SET payment_method_details = @paymentMethodDetailsJson::jsonb WHERE id = @id",
            new { id, paymentMethodDetailsJson }, transaction, cancellationToken: cancellationToken));

    /// <summary>An incremental authorisation raised the uncaptured charge to <paramref name="amount"/>, with the shares of it the increment set.</summary>
    public static Task IncrementedAsync(
        NpgsqlTransaction transaction, string id, long amount, string paymentMethodDetailsJson, long? applicationFeeAmount, long? transferAmount,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE charges SET amount = @amount, payment_method_details = @paymentMethodDetailsJson::jsonb,
                application_fee_amount = @applicationFeeAmount, transfer_amount = @transferAmount
            WHERE id = @id AND NOT captured
            """,
            new { id, amount, paymentMethodDetailsJson, applicationFeeAmount, transferAmount }, transaction, cancellationToken: cancellationToken));
}
