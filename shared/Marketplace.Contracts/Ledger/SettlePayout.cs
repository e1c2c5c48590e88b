namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payouts tells the Ledger how the bank rail answered: <c>paid</c> (the reserved money leaves) or <c>failed</c> (it
/// returns to the available balance). A payout settles once; a second outcome for it changes nothing.
/// </summary>
public sealed record SettlePayout
{
    public const string Paid = "paid";
    public const string Failed = "failed";

    public required string PayoutId { get; init; }

    public required string AccountId { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string Outcome { get; init; }
}
