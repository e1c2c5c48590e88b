namespace Marketplace.Ledger.Journal;

/// <summary>What became of a return posted by <see cref="RemainingAmount.PostReturnAsync"/>.</summary>
public abstract record RemainingAmountResult
{
    /// <summary>Journaled, now or by an earlier attempt with the same cause, as the object <paramref name="Source"/>.</summary>
    public sealed record Made(string Source) : RemainingAmountResult;

    /// <summary>No such object for the caller; nothing was written.</summary>
    public sealed record Missing : RemainingAmountResult;

    /// <summary>Nothing remains to return; nothing was written.</summary>
    public sealed record Exhausted : RemainingAmountResult;

    /// <summary>More was asked than the <paramref name="Remaining"/> amount; nothing was written.</summary>
    public sealed record Exceeds(long Remaining) : RemainingAmountResult;
}
