using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// How a refund moves money back: the account the charge was on pays the processor back from its available balance
/// (it may go negative, as on Stripe, where the platform is then liable); the processing fee is not returned. The
/// proportional parts are rounded half to even on the minor unit. Each owner sees its part as Stripe shows it: a
/// <c>refund</c>, the destination's <c>payment_refund</c> and the platform's <c>transfer_refund</c> for a reversed
/// transfer, and an <c>application_fee_refund</c> on both sides of a returned application fee.
/// </summary>
public static class RefundRules
{
    public static Posting Issued(RefundIssued refund, string cause, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var charge = refund.Charge;
        if (refund.Amount <= 0 || refund.Amount > charge.Amount)
        {
            throw new ArgumentOutOfRangeException(nameof(refund), "A refund is more than zero and at most the charge.");
        }

        var currency = charge.Currency;
        var on = LedgerAccounts.AvailableOf(charge.OnAccount, currency);
        var lines = new List<JournalLine>
        {
            new(on, -refund.Amount),
            new(LedgerAccounts.ProcessorClearing(currency), refund.Amount),
        };
        var views = new List<BalanceTransactionEntry>
        {
            new(charge.OnAccount, currency, -refund.Amount, 0, "refund", "refund", refund.RefundId, at),
        };

        var applicationFeeBack = refund.RefundApplicationFee && charge.ApplicationFeeAmount is { } fee
            ? Math.Min(Proportion(fee, refund.Amount, charge.Amount), refund.ApplicationFeeRemaining ?? fee)
            : 0;
        if (charge.Destination is { } destination)
        {
            var fromDestination = LedgerAccounts.AvailableOf(destination, currency);
            if (refund.ReverseTransfer)
            {
                var reversed = Proportion(charge.TransferAmount ?? charge.Amount, refund.Amount, charge.Amount);
                lines.Add(new(fromDestination, -reversed));
                lines.Add(new(on, reversed));
                views.Add(new(destination, currency, -reversed, 0, "payment_refund", "refund", refund.RefundId, at));
                views.Add(new(charge.OnAccount, currency, reversed, 0, "transfer_refund", "transfer_reversal", refund.RefundId, at));
            }

            if (applicationFeeBack > 0)
            {
                lines.Add(new(on, -applicationFeeBack));
                lines.Add(new(fromDestination, applicationFeeBack));
                views.AddRange(FeeReturned(refund, charge.OnAccount, destination, applicationFeeBack, at));
            }
        }
        else if (applicationFeeBack > 0)
        {
            lines.Add(new(LedgerAccounts.AvailableOf(charge.PlatformId, currency), -applicationFeeBack));
            lines.Add(new(on, applicationFeeBack));
            views.AddRange(FeeReturned(refund, charge.PlatformId, charge.OnAccount, applicationFeeBack, at));
        }

        return new Posting(cause, "refund", refund.RefundId, lines) { BalanceTransactions = views };
    }

    /// <summary>
    /// A refund that failed at the card network after it was journaled: what it took from <paramref name="owner"/>'s
    /// balance comes back, in the currency it left in, shown as Stripe shows it (<c>refund_failure</c>). The parts a
    /// refund pulled from a destination or an application fee stay where they went, as Stripe leaves a transfer
    /// reversal and a fee refund standing.
    /// </summary>
    public static Posting Failed(string refundId, string owner, string currency, long amount, string cause, DateTimeOffset at) =>
        amount <= 0
            ? throw new ArgumentOutOfRangeException(nameof(amount), "What a failed refund returns is more than zero.")
            : new Posting(cause, "refund_failure", refundId,
            [
                new JournalLine(LedgerAccounts.ProcessorClearing(currency), -amount),
                new JournalLine(LedgerAccounts.AvailableOf(owner, currency), amount),
            ])
            {
                BalanceTransactions = [new BalanceTransactionEntry(owner, currency, amount, 0, "refund_failure", "refund_failure", refundId, at)],
            };

    /// <summary><paramref name="part"/> of <paramref name="whole"/>, applied to <paramref name="amount"/>, rounded half to even.</summary>
    public static long Proportion(long amount, long part, long whole) =>
        (long)Math.Round(amount * (decimal)part / whole, MidpointRounding.ToEven);

    static BalanceTransactionEntry[] FeeReturned(RefundIssued refund, string platform, string account, long amount, DateTimeOffset at)
    {
        var feeRefund = refund.FeeRefundId ?? throw new ArgumentException("A refund that returns an application fee names the fee refund.", nameof(refund));
        var currency = refund.Charge.Currency;
        return
        [
            new(platform, currency, -amount, 0, "application_fee_refund", "platform_earning_refund", feeRefund, at),
            new(account, currency, amount, 0, "application_fee_refund", "platform_earning_refund", feeRefund, at),
        ];
    }
}
