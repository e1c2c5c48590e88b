using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>Application fees given back: the platform returns (part of) what it collected to the connected account.</summary>
public static class ApplicationFeeRules
{
    /// <summary>
    /// A fee refund from the platform's available balance (which may go negative: the platform owes it) to the
    /// connected account the fee was collected from; both see an <c>application_fee_refund</c>.
    /// </summary>
    public static Posting Refunded(string refundId, string platformId, string account, long amount, string currency, string cause, DateTimeOffset at) =>
        new(cause, "application_fee_refund", refundId,
        [
            new JournalLine(LedgerAccounts.AvailableOf(platformId, currency), -amount),
            new JournalLine(LedgerAccounts.AvailableOf(account, currency), amount),
        ])
        {
            BalanceTransactions =
            [
                new BalanceTransactionEntry(platformId, currency, -amount, 0, "application_fee_refund", "platform_earning_refund", refundId, at),
                new BalanceTransactionEntry(account, currency, amount, 0, "application_fee_refund", "platform_earning_refund", refundId, at),
            ],
        };
}
