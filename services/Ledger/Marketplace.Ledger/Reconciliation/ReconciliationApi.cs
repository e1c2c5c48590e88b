namespace Marketplace.Ledger.Reconciliation;

public static class ReconciliationApi
{
    /// <summary>
    /// For operators and finance (not routed by the gateway): <c>GET /internal/ledger/invariants</c> answers 200 with the
    /// report when the ledger is sound and 500 when not, so that a monitor can alert on the status alone;
    /// <c>GET /internal/ledger/reports/daily?account=acct_…&amp;date=2026-11-23</c> is an account's day per currency.
    /// </summary>
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/internal/ledger/invariants", async (InvariantChecker checker, CancellationToken cancellationToken) =>
        {
            var report = await checker.CheckAsync(cancellationToken);
            return Results.Json(new { ok = report.Ok, unbalanced_transactions = report.UnbalancedTransactions, drifted_accounts = report.DriftedAccounts,
                transactions_without_entries = report.TransactionsWithoutEntries, entries_without_transaction = report.EntriesWithoutTransaction,
                balance_transactions_astray = report.BalanceTransactionsAstray },
                statusCode: report.Ok ? 200 : 500);
        });
        endpoints.MapGet("/internal/ledger/reports/daily", async (string account, DateOnly date, DailyReports reports, CancellationToken cancellationToken) =>
            Results.Json(await reports.ForAsync(account, date, cancellationToken), Marketplace.Api.Objects.StripeJson.Options));
        return endpoints;
    }
}
