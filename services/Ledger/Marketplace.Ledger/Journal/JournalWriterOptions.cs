namespace Marketplace.Ledger.Journal;

/// <summary>Configuration section <c>Ledger:Journal</c>.</summary>
public sealed class JournalWriterOptions
{
    /// <summary>Postings written in one database transaction at most.</summary>
    public int MaxBatchSize { get; set; } = 500;
}
