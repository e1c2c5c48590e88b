using Marketplace.Ledger.ApplicationFees;
using Marketplace.Ledger.Charges;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Tests.Support;

/// <summary>Charges journaled straight through the journal writer, with the rows PostCharge writes, for tests that start after a charge.</summary>
public static class RecordedCharges
{
    public static async Task RecordAsync(LedgerService ledger, ChargeCaptured charge)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(charge);
        var posting = ChargeRules.Captured(charge, FeeSchedule.StandardCard, $"charge:{charge.ChargeId}", DateTimeOffset.UtcNow);
        await ledger.Journal.PostAsync(
            posting with
            {
                Rows = charge.ApplicationFeeAccount is null
                    ? [ChargeRecord.Captured(charge)]
                    : [ChargeRecord.Captured(charge), ApplicationFeeRecord.Collected(charge, posting)],
            },
            TestContext.Current.CancellationToken);
    }
}
