namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payments tells the Ledger a charge it posted was disputed: the disputed amount and the dispute fee leave the
/// balance of the account the charge was on. Idempotent on the dispute; answered with <see cref="DisputedFundsWithdrawn"/>.
/// </summary>
public sealed record WithdrawDisputedFunds
{
    public required string DisputeId { get; init; }

    public required string ChargeId { get; init; }

    public required long Amount { get; init; }
}
