using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.Transfers;

/// <summary>What became of a transfer posted by <see cref="SourceChargeTransfers.PostAsync"/>.</summary>
public abstract record SourceChargeTransferResult
{
    /// <summary>The posting went to the journal; <paramref name="Result"/> says what the journal made of it.</summary>
    public sealed record Journaled(PostingResult Result) : SourceChargeTransferResult;

    /// <summary>No charge of the platform by that id; nothing was written.</summary>
    public sealed record Missing : SourceChargeTransferResult;

    /// <summary>The charge settled in <paramref name="Currency"/>, not the transfer's; nothing was written.</summary>
    public sealed record OtherCurrency(string Currency) : SourceChargeTransferResult;

    /// <summary>More was asked than the <paramref name="Remaining"/> amount of the charge; nothing was written.</summary>
    public sealed record Exceeds(long Remaining) : SourceChargeTransferResult;
}
