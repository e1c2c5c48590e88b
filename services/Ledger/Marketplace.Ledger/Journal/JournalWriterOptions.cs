namespace Marketplace.Ledger.Journal;

/// <summary>Configuration section <c>Ledger:Journal</c>.</summary>
public sealed class JournalWriterOptions
{
    /// <summary>Postings written in one database transaction at most.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>Batches sent on remembered balances that may be committing at once (decision 0020).</summary>
    public int BatchesInFlight { get; set; } = 2;
}
