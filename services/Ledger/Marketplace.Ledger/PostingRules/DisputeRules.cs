using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// How a dispute moves money: when it opens, the disputed amount leaves the available balance of the account the
/// charge was on (which may go negative) into <c>system:disputes</c>, with the dispute fee; if it is won, the amount
/// comes back and the fee does not. Both show as Stripe's <c>adjustment</c> balance transactions.
/// </summary>
public static class DisputeRules
{
    public static Posting Withdrawn(string disputeId, ChargeCaptured charge, long amount, FeeSchedule fees, string cause, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(fees);
        var currency = charge.Currency;
        return new(cause, "dispute", disputeId,
        [
            new JournalLine(LedgerAccounts.AvailableOf(charge.OnAccount, currency), -amount - fees.DisputeFee),
            new JournalLine(LedgerAccounts.Disputes(currency), amount),
            new JournalLine(LedgerAccounts.ProcessingFees(currency), fees.DisputeFee),
        ])
        {
            BalanceTransactions =
            [
                new BalanceTransactionEntry(charge.OnAccount, currency, -amount, fees.DisputeFee, "adjustment", "dispute", disputeId, at,
                    FeeType: "stripe_fee", Description: "Chargeback withdrawal"),
            ],
        };
    }

    public static Posting Reinstated(string disputeId, string onAccount, long amount, string currency, string cause, DateTimeOffset at) =>
        new(cause, "dispute_reversal", disputeId,
        [
            new JournalLine(LedgerAccounts.Disputes(currency), -amount),
            new JournalLine(LedgerAccounts.AvailableOf(onAccount, currency), amount),
        ])
        {
            BalanceTransactions =
            [
                new BalanceTransactionEntry(onAccount, currency, amount, 0, "adjustment", "dispute_reversal", disputeId, at, Description: "Chargeback reversal"),
            ],
        };
}
