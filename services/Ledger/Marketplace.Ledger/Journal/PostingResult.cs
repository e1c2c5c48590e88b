namespace Marketplace.Ledger.Journal;

/// <summary>What became of a posting.</summary>
public abstract record PostingResult
{
    /// <summary>Journaled now, as transaction <paramref name="TransactionId"/>.</summary>
    public sealed record Posted(string TransactionId) : PostingResult;

    /// <summary>Its cause was journaled before, as <paramref name="TransactionId"/>: nothing was written again.</summary>
    public sealed record AlreadyPosted(string TransactionId) : PostingResult;

    /// <summary>A line that requires funds would have left <paramref name="Account"/> below zero; nothing was written.</summary>
    public sealed record InsufficientFunds(LedgerAccount Account) : PostingResult;
}
