using Dapper;
using Npgsql;

namespace Marketplace.Ledger.Reconciliation;

/// <summary>
/// Finance's daily reconciliation, from the balance transactions (an account's whole balance: pending and available
/// together, as Stripe's balance report counts it): opening = every net before the day (UTC), movements = the day's
/// nets by <c>reporting_category</c>, closing = opening + movements.
/// </summary>
public sealed class DailyReports(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<DailyReport>> ForAsync(string account, DateOnly day, CancellationToken cancellationToken)
    {
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Currency, string? Category, long Opening, long Movement)>(new CommandDefinition(
            """
            SELECT currency,
                   CASE WHEN created >= @start THEN reporting_category END AS category,
                   sum(CASE WHEN created < @start THEN net ELSE 0 END)::bigint AS opening,
                   sum(CASE WHEN created >= @start THEN net ELSE 0 END)::bigint AS movement
            FROM balance_transactions
            WHERE owner = @account AND created < @end
            GROUP BY currency, 2
            """,
            new { account, start, end = start.AddDays(1) }, cancellationToken: cancellationToken));
        return [.. rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(currency =>
        {
            var opening = currency.Sum(r => r.Opening);
            var movements = currency.Where(r => r.Category is not null)
                .ToDictionary(r => r.Category!, r => r.Movement, StringComparer.Ordinal);
            return new DailyReport(account, currency.Key, day, opening, movements, opening + movements.Values.Sum());
        })];
    }
}
