using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Fraud.Reviews;

/// <summary>
/// The SQL of <c>reviews</c>, scoped to the platform and the account the request acts on: the platform sees the
/// reviews of its own payments, a connected account (through <c>Stripe-Account</c>) those of its direct charges.
/// </summary>
internal static class ReviewStore
{
    const string Columns = "id, account_id, charge, payment_intent, created, open, opened_reason, reason, closed_reason, ip_address, ip_country";

    public static Task InsertAsync(NpgsqlTransaction transaction, string platformId, string assessmentId, ReviewRow row, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reviews (id, platform_id, account_id, assessment_id, charge, payment_intent, created, open, opened_reason, reason, ip_address, ip_country)
            VALUES (@Id, @platformId, @AccountId, @assessmentId, @Charge, @PaymentIntent, @Created, @Open, @OpenedReason, @Reason, @IpAddress, @IpCountry)
            """,
            new { row.Id, platformId, row.AccountId, assessmentId, row.Charge, row.PaymentIntent, row.Created, row.Open, row.OpenedReason, row.Reason, row.IpAddress, row.IpCountry },
            transaction, cancellationToken: cancellationToken));

    public static async Task<ReviewRow?> FindAsync(NpgsqlConnection connection, string platformId, string accountId, string id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<ReviewRow>(new CommandDefinition(
            $"SELECT {Columns} FROM reviews WHERE id = @id AND platform_id = @platformId AND account_id = @accountId",
            new { id, platformId, accountId }, cancellationToken: cancellationToken));

    public static async Task<ReviewRow?> LockAsync(NpgsqlTransaction transaction, string platformId, string accountId, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<ReviewRow>(new CommandDefinition(
            $"SELECT {Columns} FROM reviews WHERE id = @id AND platform_id = @platformId AND account_id = @accountId FOR UPDATE",
            new { id, platformId, accountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The assessment of a payment on the account, locked so that two requests to review it serialize; null when the
    /// account has no assessed payment of that id.
    /// </summary>
    public static Task<ReviewedPayment?> LockPaymentAsync(
        NpgsqlTransaction transaction, string platformId, string accountId, string paymentId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<ReviewedPayment>(new CommandDefinition(
            """
            SELECT a.id AS assessmentid, a.action, a.attributes -> 'values' ->> 'ip_address' AS ipaddress,
                a.attributes -> 'values' ->> 'ip_country' AS ipcountry, EXISTS (SELECT 1 FROM reviews r WHERE r.assessment_id = a.id) AS reviewed
            FROM assessments a
            WHERE a.platform_id = @platformId AND a.account_id = @accountId AND a.payment_id = @paymentId
            FOR UPDATE OF a
            """,
            new { platformId, accountId, paymentId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The open review of a payment, locked, with the assessment it was opened for.</summary>
    public static async Task<(ReviewRow Review, string AssessmentId)?> LockOpenForPaymentAsync(
        NpgsqlTransaction transaction, string platformId, string paymentId, CancellationToken cancellationToken)
    {
        var found = await transaction.Connection!.QueryAsync<ReviewRow, string, (ReviewRow, string)>(new CommandDefinition(
            $"""
            SELECT {Columns}, assessment_id FROM reviews
            WHERE platform_id = @platformId AND open AND (charge = @paymentId OR payment_intent = @paymentId)
            FOR UPDATE
            """,
            new { platformId, paymentId }, transaction, cancellationToken: cancellationToken),
            (review, assessmentId) => (review, assessmentId), splitOn: "assessment_id");
        return found.Select(pair => ((ReviewRow, string)?)pair).FirstOrDefault();
    }

    public static Task CloseAsync(NpgsqlTransaction transaction, string id, string closedReason, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE reviews SET open = false, closed_reason = @closedReason, reason = @closedReason WHERE id = @id",
            new { id, closedReason }, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string platformId, string accountId, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM reviews WHERE id = @id AND platform_id = @platformId AND account_id = @accountId)",
            new { id, platformId, accountId }, cancellationToken: cancellationToken));

    /// <summary>One page of <c>GET /v1/reviews</c>; Stripe lists open reviews only, and so does this.</summary>
    public static async Task<IReadOnlyList<Review>> ListAsync(
        NpgsqlConnection connection, string platformId, string accountId, ListSql page, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("platformId", platformId);
        parameters.Add("accountId", accountId);
        var rows = await connection.QueryAsync<ReviewRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM reviews
            WHERE platform_id = @platformId AND account_id = @accountId AND open AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToReview())];
    }
}
