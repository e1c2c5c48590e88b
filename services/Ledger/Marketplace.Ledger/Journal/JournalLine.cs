namespace Marketplace.Ledger.Journal;

/// <summary>
/// One entry of a posting: a signed amount in the account's currency's minor unit (credit positive). With
/// <paramref name="RequiresFunds"/> the account may not end the posting below zero, or the posting is refused whole.
/// </summary>
public sealed record JournalLine(LedgerAccount Account, long Amount, bool RequiresFunds = false);
