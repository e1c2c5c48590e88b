using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// How a captured charge moves money, as Stripe's Connect charge types do. One journal transaction per charge, all
/// into <c>pending</c> (funds become available later):
/// <list type="bullet">
/// <item>the charge: the processor owes the amount to the account the charge is on;</item>
/// <item>the processing fee, paid by that account;</item>
/// <item>a destination charge: the transfer to the destination, and the application fee back from it;</item>
/// <item>a direct charge with an application fee: the fee from the connected account to the platform.</item>
/// </list>
/// Worked example from Stripe's documentation: a 10.00 destination charge with a 1.23 application fee credits the
/// connected account 10.00 and debits it 1.23; the platform keeps 1.23 minus its processing fee.
/// </summary>
public static class ChargeRules
{
    public static Posting Captured(ChargeCaptured charge, FeeSchedule fees, string cause)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(fees);
        var currency = charge.Currency;
        var on = LedgerAccounts.PendingOf(charge.OnAccount, currency);
        var fee = fees.FeeFor(charge.Amount);
        var lines = new List<JournalLine>
        {
            new(LedgerAccounts.ProcessorClearing(currency), -charge.Amount),
            new(on, charge.Amount),
            new(on, -fee),
            new(LedgerAccounts.ProcessingFees(currency), fee),
        };

        if (charge.Destination is { } destination)
        {
            var transferred = charge.TransferAmount ?? charge.Amount;
            var toDestination = LedgerAccounts.PendingOf(destination, currency);
            lines.Add(new(on, -transferred));
            lines.Add(new(toDestination, transferred));
            if (charge.ApplicationFeeAmount is { } applicationFee)
            {
                lines.Add(new(toDestination, -applicationFee));
                lines.Add(new(on, applicationFee));
            }
        }
        else if (charge.ApplicationFeeAmount is { } applicationFee && charge.OnAccount != charge.PlatformId)
        {
            lines.Add(new(on, -applicationFee));
            lines.Add(new(LedgerAccounts.PendingOf(charge.PlatformId, currency), applicationFee));
        }

        return new Posting(cause, "charge", charge.ChargeId, lines);
    }
}
