using Dapper;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Payments.Search;
using Npgsql;

namespace Marketplace.Payments.Customers;

/// <summary>
/// The SQL of <c>customers</c>. Every statement is scoped to the account the request acts on: another account's
/// customer is not found, exactly as one that does not exist. Writes run in the caller's transaction, with its
/// outbox messages.
/// </summary>
internal static class CustomerStore
{
    const string Columns =
        """
        id, created, email, name, phone, description, business_name, individual_name, balance,
        address::text AS address, shipping::text AS shipping, metadata::text AS metadata,
        preferred_locales, invoice_prefix, tax_exempt, default_payment_method, deleted_at
        """;

    /// <summary>
    /// Inserts <paramref name="customer"/>, unless a customer of the account was already created with
    /// <paramref name="idempotencyKey"/>: then nothing is written and that one (deleted or not) is returned. A
    /// concurrent create with the same key waits on the unique index until the first commits, then finds its row.
    /// </summary>
    public static async Task<CustomerRow?> InsertAsync(
        NpgsqlTransaction transaction, string accountId, Customer customer, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO customers (id, account_id, created, email, name, phone, description, business_name, individual_name,
                balance, address, shipping, metadata, preferred_locales, invoice_prefix, tax_exempt, default_payment_method, idempotency_key)
            VALUES (@Id, @AccountId, @Created, @Email, @Name, @Phone, @Description, @BusinessName, @IndividualName,
                @Balance, @Address::jsonb, @Shipping::jsonb, @Metadata::jsonb, @PreferredLocales, @InvoicePrefix, @TaxExempt, @DefaultPaymentMethod, @IdempotencyKey)
            ON CONFLICT ON CONSTRAINT customers_idempotency DO NOTHING
            """,
            Values(accountId, customer, idempotencyKey), transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return null;
        }

        return await transaction.Connection!.QuerySingleAsync<CustomerRow>(new CommandDefinition(
            $"SELECT {Columns} FROM customers WHERE account_id = @accountId AND idempotency_key = @idempotencyKey",
            new { accountId, idempotencyKey }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<Customer?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(
            $"SELECT {Columns} FROM customers WHERE id = @id AND account_id = @accountId AND deleted_at IS NULL",
            new { id, accountId }, cancellationToken: cancellationToken));
        return row?.ToCustomer();
    }

    /// <summary>
    /// The customer, locked until the transaction ends: a concurrent update waits and then reads what this one wrote,
    /// so neither's metadata changes are lost.
    /// </summary>
    public static async Task<Customer?> LockAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(
            $"SELECT {Columns} FROM customers WHERE id = @id AND account_id = @accountId AND deleted_at IS NULL FOR UPDATE",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));
        return row?.ToCustomer();
    }

    public static Task UpdateAsync(NpgsqlTransaction transaction, string accountId, Customer customer, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE customers
            SET email = @Email, name = @Name, phone = @Phone, description = @Description, business_name = @BusinessName,
                individual_name = @IndividualName, balance = @Balance, address = @Address::jsonb, shipping = @Shipping::jsonb,
                metadata = @Metadata::jsonb, preferred_locales = @PreferredLocales, invoice_prefix = @InvoicePrefix, tax_exempt = @TaxExempt,
                default_payment_method = @DefaultPaymentMethod
            WHERE id = @Id AND account_id = @AccountId
            """,
            Values(accountId, customer, null), transaction, cancellationToken: cancellationToken));

    public static Task MarkDeletedAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE customers SET deleted_at = now() WHERE id = @id AND account_id = @accountId",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// True when <paramref name="id"/> names a customer of the account, deleted ones included: a page cursor stays
    /// usable when the customer it names is deleted between two pages.
    /// </summary>
    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM customers WHERE id = @id AND account_id = @accountId)",
            new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>One page of <c>GET /v1/customers</c>; <paramref name="email"/> matches exactly, case included, as Stripe's filter does.</summary>
    public static async Task<IReadOnlyList<Customer>> ListAsync(
        NpgsqlDataSource dataSource, string accountId, ListSql page, string? email, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("email", email);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CustomerRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM customers
            WHERE account_id = @accountId AND deleted_at IS NULL AND (@email::text IS NULL OR email = @email) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToCustomer())];
    }

    /// <summary>The account's customers <paramref name="search"/> matches, deleted ones left out, newest first (<see cref="SearchSql"/>).</summary>
    internal static async Task<IReadOnlyList<Customer>> SearchAsync(
        NpgsqlDataSource dataSource, string accountId, SearchRequest search, CancellationToken cancellationToken) =>
        [.. (await SearchSql.RowsAsync<CustomerRow>(dataSource, $"SELECT {Columns} FROM customers", accountId, search, cancellationToken, "deleted_at IS NULL"))
            .Select(row => row.ToCustomer())];

    static object Values(string accountId, Customer customer, string? idempotencyKey) => new
    {
        customer.Id,
        AccountId = accountId,
        customer.Created,
        customer.Email,
        customer.Name,
        customer.Phone,
        customer.Description,
        customer.BusinessName,
        customer.IndividualName,
        customer.Balance,
        Address = customer.Address is null ? null : StripeJson.Serialize(customer.Address),
        Shipping = customer.Shipping is null ? null : StripeJson.Serialize(customer.Shipping),
        Metadata = StripeJson.Serialize(customer.Metadata),
        PreferredLocales = customer.PreferredLocales.ToArray(),
        customer.InvoicePrefix,
        customer.InvoiceSettings.DefaultPaymentMethod,
        customer.TaxExempt,
        IdempotencyKey = idempotencyKey,
    };
}
