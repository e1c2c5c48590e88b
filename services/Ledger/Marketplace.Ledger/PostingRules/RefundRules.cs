using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// How a refund moves money back: the account the charge was on pays the processor back from its available balance
/// (it may go negative, as on Stripe, where the platform is then liable); the processing fee is not returned. The
/// proportional parts are rounded half to even on the minor unit.
/// </summary>
public static class RefundRules
{
    public static Posting Issued(RefundIssued refund, string cause)
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

        var applicationFeeBack = refund.RefundApplicationFee && charge.ApplicationFeeAmount is { } fee
            ? Proportion(fee, refund.Amount, charge.Amount)
            : 0;
        if (charge.Destination is { } destination)
        {
            var fromDestination = LedgerAccounts.AvailableOf(destination, currency);
            if (refund.ReverseTransfer)
            {
                var reversed = Proportion(charge.TransferAmount ?? charge.Amount, refund.Amount, charge.Amount);
                lines.Add(new(fromDestination, -reversed));
                lines.Add(new(on, reversed));
            }

            if (applicationFeeBack > 0)
            {
                lines.Add(new(on, -applicationFeeBack));
                lines.Add(new(fromDestination, applicationFeeBack));
            }
        }
        else if (applicationFeeBack > 0)
        {
            lines.Add(new(LedgerAccounts.AvailableOf(charge.PlatformId, currency), -applicationFeeBack));
            lines.Add(new(on, applicationFeeBack));
        }

        return new Posting(cause, "refund", refund.RefundId, lines);
    }

    /// <summary><paramref name="part"/> of <paramref name="whole"/>, applied to <paramref name="amount"/>, rounded half to even.</summary>
    public static long Proportion(long amount, long part, long whole) =>
        (long)Math.Round(amount * (decimal)part / whole, MidpointRounding.ToEven);
}
