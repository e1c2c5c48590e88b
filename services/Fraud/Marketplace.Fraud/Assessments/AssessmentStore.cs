using System.Text.Json;
using Dapper;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Rules.Language;
using Npgsql;

namespace Marketplace.Fraud.Assessments;

/// <summary>The SQL of <c>assessments</c>; writes run in the consumer's transaction.</summary>
internal static class AssessmentStore
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The answer already given for this payment, if it was assessed before.</summary>
    public static async Task<PaymentAssessed?> FindAnswerAsync(NpgsqlTransaction transaction, string platformId, string paymentId, CancellationToken cancellationToken)
    {
        var json = await transaction.Connection!.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT response::text FROM assessments WHERE platform_id = @platformId AND payment_id = @paymentId",
            new { platformId, paymentId }, transaction, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<PaymentAssessed>(json, Json);
    }

    /// <summary>The customer's earlier payments that were not blocked: how many, and their average in euros.</summary>
    public static async Task<(int Count, decimal? AverageEur)> CustomerHistoryAsync(
        NpgsqlTransaction transaction, string platformId, string customerId, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleAsync<(int, decimal?)>(new CommandDefinition(
            """
            SELECT count(*)::integer, round(avg(amount_in_eur), 2)
            FROM assessments WHERE platform_id = @platformId AND customer_id = @customerId AND action <> 'block'
            """,
            new { platformId, customerId }, transaction, cancellationToken: cancellationToken));

    public static Task InsertAsync(
        NpgsqlTransaction transaction, AssessPayment request, PaymentAssessed answer, decimal? amountInEur,
        PaymentAttributes attributes, DateTimeOffset created, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO assessments (id, platform_id, account_id, payment_id, created, amount, currency, amount_in_eur, customer_id,
                action, risk_score, risk_level, rule_id, attributes, response)
            VALUES (@id, @platformId, @accountId, @paymentId, @created, @amount, @currency, @amountInEur, @customerId,
                @action, @riskScore, @riskLevel, @ruleId, @attributes::jsonb, @response::jsonb)
            """,
            new
            {
                id = answer.AssessmentId,
                platformId = request.PlatformId,
                accountId = request.AccountId,
                paymentId = request.PaymentId,
                created,
                amount = request.Amount,
                currency = request.Currency,
                amountInEur,
                customerId = request.CustomerId,
                action = answer.Action,
                riskScore = answer.RiskScore,
                riskLevel = answer.RiskLevel,
                ruleId = answer.Rule?.Id,
                attributes = JsonSerializer.Serialize(AttributeSnapshot.From(attributes), Json),
                response = JsonSerializer.Serialize(answer, Json),
            },
            transaction, cancellationToken: cancellationToken));
}
