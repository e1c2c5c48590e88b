namespace Marketplace.Ledger.Reconciliation;

/// <summary>One account's day in one currency: opening balance, the day's movements by reporting category, closing balance.</summary>
public sealed record DailyReport(
    string Account,
    string Currency,
    DateOnly Day,
    long OpeningBalance,
    IReadOnlyDictionary<string, long> Movements,
    long ClosingBalance);
