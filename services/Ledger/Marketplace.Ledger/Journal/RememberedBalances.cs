using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Ledger.Journal;

/// <summary>
/// The balances the journal writer last wrote or read under lock, including those of batches still committing. Only
/// a hint: the database refuses a batch whose remembered balances turned out wrong (<c>journal_set_balances</c>), and
/// the writer then forgets them all and reads again.
/// </summary>
sealed class RememberedBalances
{
    // Bounded so a ledger with millions of accounts cannot grow the writer without limit; forgetting costs one read.
    const int Capacity = 100_000;

    readonly Dictionary<LedgerAccount, long> _balances = [];

    public bool TryRecall(IEnumerable<LedgerAccount> accounts, [NotNullWhen(true)] out Dictionary<LedgerAccount, long>? balances)
    {
        balances = [];
        foreach (var account in accounts)
        {
            if (!_balances.TryGetValue(account, out var balance))
            {
                balances = null;
                return false;
            }

            balances[account] = balance;
        }

        return true;
    }

    public bool Knows(LedgerAccount account) => _balances.ContainsKey(account);

    public void Remember(IReadOnlyDictionary<LedgerAccount, long> balances)
    {
        if (_balances.Count + balances.Count > Capacity)
        {
            _balances.Clear();
        }

        foreach (var (account, balance) in balances)
        {
            _balances[account] = balance;
        }
    }

    public void Forget(IEnumerable<LedgerAccount> accounts)
    {
        foreach (var account in accounts)
        {
            _balances.Remove(account);
        }
    }

    public void ForgetAll() => _balances.Clear();
}
