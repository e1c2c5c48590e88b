using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// An operator's correction of an account's available balance (credit positive), against <c>system:adjustments</c>:
/// the journal is never edited, a mistake is corrected by a new transaction that says why.
/// </summary>
public static class AdjustmentRules
{
    public static Posting Adjusted(string adjustmentId, string owner, string currency, long amount, string reason, string cause, DateTimeOffset at) =>
        new(cause, "adjustment", adjustmentId,
        [
            new JournalLine(LedgerAccounts.Adjustments(currency), -amount),
            new JournalLine(LedgerAccounts.AvailableOf(owner, currency), amount),
        ])
        {
            BalanceTransactions = [new BalanceTransactionEntry(owner, currency, amount, 0, "adjustment", "other_adjustment", adjustmentId, at, Description: reason)],
        };
}
