using Dapper;
using Npgsql;

namespace Marketplace.Payments.Mandates;

/// <summary>The SQL of <c>mandates</c>: the API's reads are scoped to the account the request acts on.</summary>
internal static class MandateStore
{
    const string Columns =
        "id, account_id, platform_id, payment_method_id, on_behalf_of, created, status, customer_acceptance::text AS customer_acceptance, reference, page_token";

    public static Task InsertAsync(NpgsqlTransaction transaction, MandateRow mandate, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO mandates (id, account_id, platform_id, payment_method_id, on_behalf_of, created, type, status, customer_acceptance, reference, page_token)
            VALUES (@Id, @AccountId, @PlatformId, @PaymentMethodId, @OnBehalfOf, @Created, 'multi_use', @Status, @CustomerAcceptance::jsonb, @Reference, @PageToken)
            """,
            mandate, transaction, cancellationToken: cancellationToken));

    public static async Task<MandateRow?> FindAsync(NpgsqlDataSource dataSource, string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MandateRow>(new CommandDefinition(
            $"SELECT {Columns} FROM mandates WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: cancellationToken));
    }

    public static Task<MandateRow?> FindAsync(NpgsqlTransaction transaction, string accountId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<MandateRow>(new CommandDefinition(
            $"SELECT {Columns} FROM mandates WHERE id = @id AND account_id = @accountId", new { id, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The method's newest active mandate given for <paramref name="onBehalfOf"/> (null: the account itself).</summary>
    public static Task<string?> ActiveIdAsync(
        NpgsqlTransaction transaction, string paymentMethodId, string? onBehalfOf, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            """
            SELECT id FROM mandates
            WHERE payment_method_id = @paymentMethodId AND status = 'active' AND on_behalf_of IS NOT DISTINCT FROM @onBehalfOf
            ORDER BY created DESC, id DESC LIMIT 1
            """,
            new { paymentMethodId, onBehalfOf }, transaction, cancellationToken: cancellationToken));

    public static async Task<MandateRow?> FindByPageTokenAsync(NpgsqlDataSource dataSource, string pageToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MandateRow>(new CommandDefinition(
            $"SELECT {Columns} FROM mandates WHERE page_token = @pageToken", new { pageToken }, cancellationToken: cancellationToken));
    }
}
