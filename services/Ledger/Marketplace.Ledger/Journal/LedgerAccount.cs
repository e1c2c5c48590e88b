namespace Marketplace.Ledger.Journal;

/// <summary>
/// One ledger account: an owner (a platform or connected account id, or a system account such as
/// <c>system:processing_fees</c>), a currency, and a bucket (<c>pending</c>, <c>available</c>, <c>reserved</c>…).
/// Accounts come into being with their first entry.
/// </summary>
public sealed record LedgerAccount(string Owner, string Currency, string Bucket)
{
    /// <summary>
    /// The order rows are locked in — the same in every writer, and the same as PostgreSQL's <c>COLLATE "C"</c> — so
    /// that two writers never wait on each other in a cycle.
    /// </summary>
    public static IComparer<LedgerAccount> LockOrder { get; } = Comparer<LedgerAccount>.Create(static (x, y) =>
        string.CompareOrdinal(x.Owner, y.Owner) is var owner and not 0 ? owner
        : string.CompareOrdinal(x.Currency, y.Currency) is var currency and not 0 ? currency
        : string.CompareOrdinal(x.Bucket, y.Bucket));
}
