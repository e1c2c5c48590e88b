using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.NegativeBalances;

/// <summary>
/// Which owners of a journal batch need their platform's coverage checked: those whose pending plus available balance
/// was or is below zero. An owner that stays at or above zero owes nothing before or after, so most movements need no
/// check at all. To know the sum, the writer locks the sibling bucket of every pending or available account it posts to.
/// </summary>
public static class CoverageChecks
{
    /// <summary>The accounts to lock with <paramref name="posted"/>: for a pending or available account, the other one too.</summary>
    public static IEnumerable<LedgerAccount> WithSiblings(IEnumerable<LedgerAccount> posted) =>
        posted.SelectMany(account => account.Bucket switch
        {
            LedgerAccounts.Pending or LedgerAccounts.Available =>
                new[] { LedgerAccounts.PendingOf(account.Owner, account.Currency), LedgerAccounts.AvailableOf(account.Owner, account.Currency) },
            _ => [account],
        }).Distinct();

    public static IReadOnlyList<CoverageCheckDue> Due(JournalBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var moved = new Dictionary<(string Owner, string Currency), string>();
        foreach (var (transactionId, posting) in batch.Accepted)
        {
            foreach (var line in posting.Lines.Where(l => l.Account.Bucket is LedgerAccounts.Pending or LedgerAccounts.Available))
            {
                moved[(line.Account.Owner, line.Account.Currency)] = transactionId;
            }
        }

        return moved
            .Where(m => Total(batch.Before, m.Key) < 0 || Total(batch.After, m.Key) < 0)
            .Select(m => new CoverageCheckDue { AccountId = m.Key.Owner, Currency = m.Key.Currency, JournalTransactionId = m.Value })
            .ToList();
    }

    static long Total(IReadOnlyDictionary<LedgerAccount, long> balances, (string Owner, string Currency) key) =>
        balances.GetValueOrDefault(LedgerAccounts.PendingOf(key.Owner, key.Currency))
        + balances.GetValueOrDefault(LedgerAccounts.AvailableOf(key.Owner, key.Currency));
}
