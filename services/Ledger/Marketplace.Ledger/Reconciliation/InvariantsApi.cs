namespace Marketplace.Ledger.Reconciliation;

public static class InvariantsApi
{
    /// <summary>
    /// <c>GET /internal/ledger/invariants</c>, for operators (not routed by the gateway): 200 with the report when the
    /// ledger is sound, 500 with it when not, so that a monitor can alert on the status alone.
    /// </summary>
    public static IEndpointRouteBuilder MapInvariantsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/internal/ledger/invariants", async (InvariantChecker checker, CancellationToken cancellationToken) =>
        {
            var report = await checker.CheckAsync(cancellationToken);
            return Results.Json(new { ok = report.Ok, unbalanced_transactions = report.UnbalancedTransactions, drifted_accounts = report.DriftedAccounts,
                transactions_without_entries = report.TransactionsWithoutEntries }, statusCode: report.Ok ? 200 : 500);
        });
        return endpoints;
    }
}
