namespace Marketplace.Contracts.Ledger;

/// <summary>The Ledger journaled a payout's outcome (the first one it was told, whatever was sent after).</summary>
public sealed record PayoutSettled
{
    public required string PayoutId { get; init; }

    public required string JournalTransactionId { get; init; }
}
