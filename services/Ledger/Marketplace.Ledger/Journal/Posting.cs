namespace Marketplace.Ledger.Journal;

/// <summary>
/// A journal transaction asked for: its cause (unique: the same cause posts once), its type
/// (<c>charge</c>, <c>transfer</c>, <c>payout</c>…), the object it is about, and lines that sum to zero per currency.
/// </summary>
public sealed record Posting(string Cause, string Type, string? Source, IReadOnlyList<JournalLine> Lines)
{
    /// <summary>How the posting shows in the owners' balance transactions; written with it, or not at all.</summary>
    public IReadOnlyList<BalanceTransactionEntry> BalanceTransactions { get; init; } = [];

    /// <summary>The asking feature's rows, committed with the posting or not at all.</summary>
    public IReadOnlyList<CompanionRow> Rows { get; init; } = [];

    /// <summary>Why the posting cannot be journaled as it is, or null: the double-entry rule, checked before any I/O.</summary>
    public string? Invalid()
    {
        if (string.IsNullOrWhiteSpace(Cause))
        {
            return "A posting needs a cause.";
        }

        if (Lines.Count is < 2 or > short.MaxValue)
        {
            return "A posting has at least two lines.";
        }

        var unbalanced = Lines.GroupBy(l => l.Account.Currency, StringComparer.Ordinal)
            .FirstOrDefault(c => c.Aggregate(0L, (sum, line) => checked(sum + line.Amount)) != 0);
        return unbalanced is null ? null : $"The lines in {unbalanced.Key} do not sum to zero.";
    }
}
