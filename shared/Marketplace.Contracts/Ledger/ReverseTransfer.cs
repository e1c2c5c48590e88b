namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payments asks the Ledger to take back (part of) a platform's transfer because of a refund (a separate-charges
/// refund's <c>reverse_transfer</c>). Idempotent on the refund; answered with <see cref="TransferReversed"/>, or
/// <see cref="TransferReversalRefused"/> when the platform has no such transfer or too little of it remains.
/// </summary>
public sealed record ReverseTransfer
{
    public required string PlatformId { get; init; }

    public required string TransferId { get; init; }

    /// <summary>The refund that causes the reversal: the reversal's <c>source_refund</c>, and what makes it happen once.</summary>
    public required string SourceRefundId { get; init; }

    /// <summary>In the transfer's currency; all that remains of it when null.</summary>
    public long? Amount { get; init; }
}
