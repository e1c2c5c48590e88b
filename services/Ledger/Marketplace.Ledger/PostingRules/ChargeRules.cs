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
    /// <summary>The charge's journal transaction, and its balance transactions, whose funds become available at <paramref name="availableOn"/>.</summary>
    public static Posting Captured(ChargeCaptured charge, FeeSchedule fees, string cause, DateTimeOffset availableOn)
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
        var views = new List<BalanceTransactionEntry>
        {
            new(charge.OnAccount, currency, charge.Amount, fee, "charge", "charge", charge.ChargeId, availableOn, FeeType: "stripe_fee"),
        };

        if (charge.Destination is { } destination)
        {
            var transferred = charge.TransferAmount ?? charge.Amount;
            var toDestination = LedgerAccounts.PendingOf(destination, currency);
            var applicationFee = charge.ApplicationFeeAmount ?? 0;
            lines.Add(new(on, -transferred));
            lines.Add(new(toDestination, transferred));
            views.Add(new(charge.OnAccount, currency, -transferred, 0, "transfer", "transfer", charge.ChargeId, availableOn));
            views.Add(new(destination, currency, transferred, applicationFee, "payment", "charge", charge.ChargeId, availableOn, FeeType: "application_fee"));
            if (applicationFee > 0)
            {
                lines.Add(new(toDestination, -applicationFee));
                lines.Add(new(on, applicationFee));
                views.Add(new(charge.OnAccount, currency, applicationFee, 0, "application_fee", "platform_earning", ApplicationFeeId(charge), availableOn));
            }
        }
        else if (charge.ApplicationFeeAmount is { } applicationFee && charge.OnAccount != charge.PlatformId)
        {
            var toPlatform = LedgerAccounts.PendingOf(charge.PlatformId, currency);
            lines.Add(new(on, -applicationFee));
            lines.Add(new(toPlatform, applicationFee));
            views.Add(new(charge.OnAccount, currency, -applicationFee, 0, "application_fee", "platform_earning", ApplicationFeeId(charge), availableOn));
            views.Add(new(charge.PlatformId, currency, applicationFee, 0, "application_fee", "platform_earning", ApplicationFeeId(charge), availableOn));
        }

        return new Posting(cause, "charge", charge.ChargeId, lines) { BalanceTransactions = views };
    }

    /// <summary>The platform's balance transaction for the charge's application fee, in a posting made by <see cref="Captured"/>.</summary>
    public static BalanceTransactionEntry ApplicationFeeEarned(Posting posting, string platformId)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return posting.BalanceTransactions.Single(v => v.Owner == platformId && v.Type == "application_fee");
    }

    static string ApplicationFeeId(ChargeCaptured charge) =>
        charge.ApplicationFeeId ?? throw new ArgumentException("A charge with an application fee names the fee's object.", nameof(charge));
}
