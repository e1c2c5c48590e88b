using System.Text.Json;
using Dapper;
using Marketplace.Fraud.Assessments;
using Marketplace.Fraud.Rules.Language;
using Npgsql;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// Evaluates a candidate rule against the attributes the platform's payments had when they were assessed (the last
/// 30 days), with the value lists as they are now: what the rule would have done had it been live.
/// </summary>
internal static class RuleTester
{
    public const int MaxListed = 100;
    static readonly TimeSpan Period = TimeSpan.FromDays(30);

    public static async Task<RuleTest> TestAsync(NpgsqlConnection connection, string platformId, ParsedRule candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matches = RuleCompiler.Compile(candidate.Condition);
        var lists = await RuleSetCache.LoadListsAsync(connection, platformId, candidate.ValueListAliases, cancellationToken);
        var from = now - Period;
        var evaluated = 0;
        var matched = new List<RuleTestMatch>();
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var inEur = 0m;
        var rows = connection.QueryUnbufferedAsync<(string PaymentId, long Amount, string Currency, decimal? AmountInEur, DateTime Created, string Action, string Attributes)>(
            """
            SELECT payment_id, amount, currency, amount_in_eur, created, action, attributes::text
            FROM assessments WHERE platform_id = @platformId AND created >= @from
            ORDER BY created DESC
            """,
            new { platformId, from });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            evaluated++;
            using var json = JsonDocument.Parse(row.Attributes);
            if (!matches(AttributeSnapshot.Read(json.RootElement), lists))
            {
                continue;
            }

            totals[row.Currency] = totals.GetValueOrDefault(row.Currency) + row.Amount;
            inEur += row.AmountInEur ?? 0;
            matched.Add(new RuleTestMatch(row.PaymentId, row.Amount, row.Currency,
                new DateTimeOffset(DateTime.SpecifyKind(row.Created, DateTimeKind.Utc)), row.Action));
        }

        return new RuleTest
        {
            Action = candidate.Action.ToApiName(),
            Predicate = candidate.Predicate,
            PeriodStart = from,
            PeriodEnd = now,
            EvaluatedCount = evaluated,
            MatchedCount = matched.Count,
            MatchedAmounts = [.. totals.OrderBy(total => total.Key, StringComparer.Ordinal).Select(total => new RuleTestAmount(total.Key, total.Value))],
            MatchedAmountInEur = inEur,
            MatchedPayments = [.. matched.Take(MaxListed)],
            HasMoreMatches = matched.Count > MaxListed,
        };
    }
}
