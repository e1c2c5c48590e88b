namespace Marketplace.Contracts.Ledger;

/// <summary>A money movement was refused: the account's available balance does not cover it. Nothing was journaled.</summary>
public sealed record InsufficientFunds
{
    /// <summary>The payout, transfer… that asked.</summary>
    public required string SourceId { get; init; }

    public required string AccountId { get; init; }

    public required string Currency { get; init; }

    public required long Requested { get; init; }
}
