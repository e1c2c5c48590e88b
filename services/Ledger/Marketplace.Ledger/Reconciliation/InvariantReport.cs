namespace Marketplace.Ledger.Reconciliation;

/// <summary>What the invariant checker found; every count is zero in a sound ledger.</summary>
public sealed record InvariantReport(long UnbalancedTransactions, long DriftedAccounts, long TransactionsWithoutEntries)
{
    public bool Ok => UnbalancedTransactions == 0 && DriftedAccounts == 0 && TransactionsWithoutEntries == 0;
}
