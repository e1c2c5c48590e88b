using System.Text.Json;
using Dapper;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Rules;
using Marketplace.Fraud.Rules.Language;
using Npgsql;

namespace Marketplace.Fraud.Assessments;

/// <summary>The SQL of <c>assessments</c>; writes run in the consumer's transaction.</summary>
internal static class AssessmentStore
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// What an assessment reads before it counts the payment, in one round trip: the answer already given for this
    /// payment, if a request for it was assessed before; the customer's earlier payments that were not blocked — how
    /// many, and their average in euros (none without a customer); and the platform's rule set version.
    /// </summary>
    public static async Task<EarlierAssessments> EarlierAsync(
        NpgsqlTransaction transaction, string platformId, string paymentId, string? customerId, CancellationToken cancellationToken)
    {
        var (json, count, average, version) = await transaction.Connection!.QuerySingleAsync<(string?, int, decimal?, long)>(new CommandDefinition(
            $"""
            SELECT (SELECT response::text FROM assessments WHERE platform_id = @platformId AND payment_id = @paymentId),
                   count(*)::integer, round(avg(amount_in_eur), 2), {RuleSetVersions.Sql}
            FROM assessments
            WHERE @customerId::text IS NOT NULL AND platform_id = @platformId AND customer_id = @customerId AND action <> 'block'
            """,
            new { platformId, paymentId, customerId }, transaction, cancellationToken: cancellationToken));
        return new EarlierAssessments(json is null ? null : JsonSerializer.Deserialize<PaymentAssessed>(json, Json), count, average, version);
    }

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
