namespace Marketplace.Ledger.Reconciliation;

/// <summary>What the invariant checker found; every count is zero in a sound ledger.</summary>
/// <param name="BalanceTransactionsAstray">Owner × currency pairs whose balance transactions' nets differ from what their
/// pending and available balances received.</param>
public sealed record InvariantReport(long UnbalancedTransactions, long DriftedAccounts, long TransactionsWithoutEntries, long EntriesWithoutTransaction,
    long BalanceTransactionsAstray)
{
    public bool Ok => UnbalancedTransactions == 0 && DriftedAccounts == 0 && TransactionsWithoutEntries == 0 && EntriesWithoutTransaction == 0
        && BalanceTransactionsAstray == 0;
}
