namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payouts asks the Ledger to set a payout's amount aside from the account's available balance. Answered with
/// <see cref="PayoutFundsReserved"/> or <see cref="InsufficientFunds"/>; idempotent on the payout.
/// </summary>
public sealed record ReserveForPayout
{
    public required string PayoutId { get; init; }

    public required string PlatformId { get; init; }

    public required string AccountId { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>An automatic payout (on the account's schedule) pays out the available balance transactions; a manual one just an amount.</summary>
    public bool Automatic { get; init; }
}
