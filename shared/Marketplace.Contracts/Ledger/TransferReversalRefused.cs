namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger reversed nothing for a <see cref="ReverseTransfer"/>.</summary>
public sealed record TransferReversalRefused
{
    public const string UnknownTransfer = "unknown_transfer";
    public const string ExceedsTransfer = "exceeds_transfer";

    public required string TransferId { get; init; }

    public required string SourceRefundId { get; init; }

    /// <summary><see cref="UnknownTransfer"/> or <see cref="ExceedsTransfer"/> (including a transfer already fully reversed).</summary>
    public required string Reason { get; init; }
}
