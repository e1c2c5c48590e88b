using Dapper;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// The SQL of <c>payment_methods</c>, every statement scoped to the account the request acts on: another account's
/// payment method is not found. Writes run in the caller's transaction, with its outbox messages.
/// </summary>
internal static class PaymentMethodStore
{
    const string Columns =
        "id, created, type, customer_id, billing_details::text AS billing_details, card::text AS card, sepa_debit::text AS sepa_debit, "
        + "ideal::text AS ideal, bancontact::text AS bancontact, paypal::text AS paypal, metadata::text AS metadata";

    /// <summary>
    /// Inserts <paramref name="method"/>, unless one of the account was already created with
    /// <paramref name="idempotencyKey"/>: then nothing is written and that one is returned.
    /// </summary>
    public static async Task<PaymentMethod?> InsertAsync(
        NpgsqlTransaction transaction, string accountId, PaymentMethod method, string? vaultEntryId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payment_methods (id, account_id, created, type, customer_id, billing_details, card, sepa_debit, ideal, bancontact, paypal, metadata,
                vault_entry_id, idempotency_key)
            VALUES (@Id, @AccountId, @Created, @Type, @Customer, @BillingDetails::jsonb, @Card::jsonb, @SepaDebit::jsonb, @Ideal::jsonb, @Bancontact::jsonb,
                @Paypal::jsonb, @Metadata::jsonb, @VaultEntryId, @IdempotencyKey)
            ON CONFLICT ON CONSTRAINT payment_methods_idempotency DO NOTHING
            """,
            new
            {
                method.Id,
                AccountId = accountId,
                method.Created,
                method.Type,
                method.Customer,
                BillingDetails = StripeJson.Serialize(method.BillingDetails),
                Card = method.Card is null ? null : StripeJson.Serialize(method.Card),
                SepaDebit = method.SepaDebit is null ? null : StripeJson.Serialize(method.SepaDebit),
                Ideal = method.Ideal is null ? null : StripeJson.Serialize(method.Ideal),
                Bancontact = method.Bancontact is null ? null : StripeJson.Serialize(method.Bancontact),
                Paypal = method.Paypal is null ? null : StripeJson.Serialize(method.Paypal),
                Metadata = StripeJson.Serialize(method.Metadata),
                VaultEntryId = vaultEntryId,
                IdempotencyKey = idempotencyKey,
            },
            transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return null;
        }

        var row = await transaction.Connection!.QuerySingleAsync<PaymentMethodRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_methods WHERE account_id = @accountId AND idempotency_key = @idempotencyKey",
            new { accountId, idempotencyKey }, transaction, cancellationToken: cancellationToken));
        return row.ToPaymentMethod();
    }

    public static async Task<PaymentMethod?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PaymentMethodRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_methods WHERE id = @id AND account_id = @accountId",
            new { id, accountId }, cancellationToken: cancellationToken));
        return row?.ToPaymentMethod();
    }

    /// <summary>The payment method, locked until the transaction ends, so that concurrent attaches and updates serialise.</summary>
    public static async Task<PaymentMethod?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<PaymentMethodRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_methods WHERE id = @id AND account_id = @accountId FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));
        return row?.ToPaymentMethod();
    }

    /// <summary>The method, whichever account it is on, in the caller's transaction (for the payment saga).</summary>
    public static async Task<PaymentMethod> GetAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QuerySingleAsync<PaymentMethodRow>(new CommandDefinition(
            $"SELECT {Columns} FROM payment_methods WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken))).ToPaymentMethod();

    /// <summary>
    /// Whether a setup intent with <c>usage=off_session</c> succeeded with the method (or it is Stripe's test card that
    /// counts as set up from the start): an off-session payment with it then needs no new authentication
    /// (<see cref="Processor.AuthorizationRequest.SetUpForOffSession"/>). False for an unknown id.
    /// </summary>
    public static Task<bool> IsSetUpForOffSessionAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT coalesce((SELECT set_up_for_off_session FROM payment_methods WHERE id = @id AND account_id = @accountId), false)",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    public static Task MarkSetUpForOffSessionAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE payment_methods SET set_up_for_off_session = true WHERE id = @id AND account_id = @accountId",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Where the method's card number is sealed.</summary>
    public static Task<string> VaultEntryIdAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT vault_entry_id FROM payment_methods WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken))!;

    public static Task UpdateAsync(NpgsqlTransaction transaction, string accountId, PaymentMethod method, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payment_methods
            SET customer_id = @Customer, billing_details = @BillingDetails::jsonb, metadata = @Metadata::jsonb
            WHERE id = @Id AND account_id = @AccountId
            """,
            new
            {
                method.Id,
                AccountId = accountId,
                method.Customer,
                BillingDetails = StripeJson.Serialize(method.BillingDetails),
                Metadata = StripeJson.Serialize(method.Metadata),
            },
            transaction, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM payment_methods WHERE id = @id AND account_id = @accountId)",
            new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>One page of <c>GET /v1/payment_methods</c>, filtered by customer and type when given.</summary>
    public static async Task<IReadOnlyList<PaymentMethod>> ListAsync(
        NpgsqlDataSource dataSource, string accountId, ListSql page, string? customer, string? type, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("customer", customer);
        parameters.Add("type", type);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PaymentMethodRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM payment_methods
            WHERE account_id = @accountId AND (@customer::text IS NULL OR customer_id = @customer)
                AND (@type::text IS NULL OR type = @type) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToPaymentMethod())];
    }

    /// <summary>
    /// Attaches the method to <paramref name="customer"/> unless it is attached already (a payment that set it up for
    /// future use keeps it on its customer, as Stripe does); the method as attached, or null when nothing changed.
    /// </summary>
    public static async Task<PaymentMethod?> AttachIfUnattachedAsync(
        NpgsqlTransaction transaction, string id, string customer, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<PaymentMethodRow>(new CommandDefinition(
            $"UPDATE payment_methods SET customer_id = @customer WHERE id = @id AND customer_id IS NULL RETURNING {Columns}",
            new { id, customer }, transaction, cancellationToken: cancellationToken));
        return row?.ToPaymentMethod();
    }
}
