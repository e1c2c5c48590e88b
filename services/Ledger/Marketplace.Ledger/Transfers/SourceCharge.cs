namespace Marketplace.Ledger.Transfers;

/// <summary>
/// A transfer's source charge as the Ledger journaled it: its settlement currency, what remains of it to transfer,
/// whether the platform's pending share of it has been released, and when that share becomes (or became) available.
/// </summary>
public sealed record SourceCharge(string Currency, long Remaining, bool Released, DateTime AvailableOn);
