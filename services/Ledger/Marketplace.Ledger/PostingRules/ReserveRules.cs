using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// The platform's liability for its connected accounts' negative balances (Stripe's <c>connect_reserved</c>): while
/// accounts whose losses the platform bears owe money, that much of the platform's available balance is held in
/// <c>connect_reserved</c> (which may leave the platform's available negative: it owes it); as they recover, it is released.
/// </summary>
public static class ReserveRules
{
    /// <summary>Holds <paramref name="delta"/> more (positive) or releases it (negative), as a <c>reserve_transaction</c>.</summary>
    public static Posting ConnectReserveAdjusted(string platformId, string currency, long delta, string cause, DateTimeOffset at) =>
        new(cause, "reserve_transaction", null,
        [
            new JournalLine(LedgerAccounts.AvailableOf(platformId, currency), -delta),
            new JournalLine(LedgerAccounts.ConnectReservedOf(platformId, currency), delta),
        ])
        {
            BalanceTransactions =
            [
                new BalanceTransactionEntry(platformId, currency, -delta, 0, "reserve_transaction", "connect_reserved_funds", null, at,
                    Description: delta > 0 ? "Held for connected accounts' negative balances" : "Released: connected accounts' balances recovered"),
            ],
        };
}
