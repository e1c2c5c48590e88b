namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger reversed (part of) a transfer (or had already, for this refund).</summary>
public sealed record TransferReversed
{
    public required string TransferId { get; init; }

    public required string SourceRefundId { get; init; }

    /// <summary>The <c>transfer_reversal</c> (<c>trr_…</c>).</summary>
    public required string ReversalId { get; init; }
}
