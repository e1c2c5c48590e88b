using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Fraud.EarlyFraudWarnings;

/// <summary>The SQL of <c>early_fraud_warnings</c>, scoped to the platform and the account the request acts on.</summary>
internal static class EarlyFraudWarningStore
{
    const string Columns = "id, account_id, charge, payment_intent, fraud_type, actionable, created";

    /// <summary>False when the charge already has its warning (nothing is written).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, string platformId, EarlyFraudWarningRow row, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO early_fraud_warnings (id, platform_id, account_id, charge, payment_intent, fraud_type, actionable, created)
            VALUES (@Id, @platformId, @AccountId, @Charge, @PaymentIntent, @FraudType, @Actionable, @Created)
            ON CONFLICT ON CONSTRAINT early_fraud_warnings_charge DO NOTHING
            """,
            new { row.Id, platformId, row.AccountId, row.Charge, row.PaymentIntent, row.FraudType, row.Actionable, row.Created },
            transaction, cancellationToken: cancellationToken)) == 1;

    public static async Task<EarlyFraudWarningRow?> FindAsync(NpgsqlConnection connection, string platformId, string accountId, string id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<EarlyFraudWarningRow>(new CommandDefinition(
            $"SELECT {Columns} FROM early_fraud_warnings WHERE id = @id AND platform_id = @platformId AND account_id = @accountId",
            new { id, platformId, accountId }, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string platformId, string accountId, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM early_fraud_warnings WHERE id = @id AND platform_id = @platformId AND account_id = @accountId)",
            new { id, platformId, accountId }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<EarlyFraudWarning>> ListAsync(
        NpgsqlConnection connection, string platformId, string accountId, ListSql page, string? charge, string? paymentIntent, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("platformId", platformId);
        parameters.Add("accountId", accountId);
        parameters.Add("charge", charge);
        parameters.Add("paymentIntent", paymentIntent);
        var rows = await connection.QueryAsync<EarlyFraudWarningRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM early_fraud_warnings
            WHERE platform_id = @platformId AND account_id = @accountId
              AND (@charge::text IS NULL OR charge = @charge) AND (@paymentIntent::text IS NULL OR payment_intent = @paymentIntent)
              AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToWarning())];
    }
}
