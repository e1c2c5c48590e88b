namespace Marketplace.Ledger.Balances;

/// <summary>One currency's amount in a balance, with how much came from each source type (all card payments for now).</summary>
public sealed record BalanceAmount(long Amount, string Currency, IReadOnlyDictionary<string, long> SourceTypes);
