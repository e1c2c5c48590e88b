using Marketplace.Data;

namespace Marketplace.Ledger.Journal;

/// <summary>
/// Decides, in memory and in order, what a batch of postings does to the balances it locked: a cause already journaled
/// (before, or earlier in the batch) is answered with its first transaction; a posting that would leave an account
/// that requires funds below zero is refused and changes nothing; every other posting is applied on top of the one
/// before it, exactly as if they had been written one by one.
/// </summary>
public sealed class JournalBatch(IReadOnlyDictionary<LedgerAccount, long> lockedBalances, IReadOnlyDictionary<string, string> journaledCauses)
{
    readonly Dictionary<LedgerAccount, long> _balances = new(lockedBalances);
    readonly Dictionary<string, string> _causes = new(journaledCauses, StringComparer.Ordinal);
    readonly List<(string TransactionId, Posting Posting)> _accepted = [];

    /// <summary>The postings to write, with their new transaction ids, in the order they were accepted.</summary>
    public IReadOnlyList<(string TransactionId, Posting Posting)> Accepted => _accepted;

    /// <summary>The batch's accounts' balances before it, as locked (or remembered by the writer).</summary>
    public IReadOnlyDictionary<LedgerAccount, long> Before => lockedBalances;

    /// <summary>The locked accounts' balances after every accepted posting so far.</summary>
    public IReadOnlyDictionary<LedgerAccount, long> After => _balances;

    public PostingResult Apply(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (_causes.TryGetValue(posting.Cause, out var first))
        {
            return new PostingResult.AlreadyPosted(first);
        }

        var after = new Dictionary<LedgerAccount, long>();
        foreach (var line in posting.Lines)
        {
            var current = after.TryGetValue(line.Account, out var pending) ? pending : _balances.GetValueOrDefault(line.Account);
            after[line.Account] = checked(current + line.Amount);
        }

        if (posting.Lines.FirstOrDefault(l => l.RequiresFunds && after[l.Account] < 0) is { } overdrawn)
        {
            return new PostingResult.InsufficientFunds(overdrawn.Account);
        }

        foreach (var (account, balance) in after)
        {
            _balances[account] = balance;
        }

        var transactionId = PrefixedId.New("jtx");
        _causes[posting.Cause] = transactionId;
        _accepted.Add((transactionId, posting));
        return new PostingResult.Posted(transactionId);
    }
}
