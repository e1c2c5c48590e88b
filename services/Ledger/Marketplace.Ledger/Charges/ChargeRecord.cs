using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Charges;

/// <summary>The <c>charges</c> rows a charge's and a refund's postings write with themselves.</summary>
public static class ChargeRecord
{
    public static CompanionRow Captured(ChargeCaptured charge)
    {
        ArgumentNullException.ThrowIfNull(charge);
        return new CompanionRow(
            """
            INSERT INTO charges (id, platform_id, on_account, amount, currency, destination, transfer_amount, application_fee_amount, application_fee_id,
                on_behalf_of)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """,
            charge.ChargeId, charge.PlatformId, charge.OnAccount, charge.Amount, charge.Currency, charge.Destination, charge.TransferAmount,
            charge.ApplicationFeeAmount, charge.ApplicationFeeAccount is null ? null : charge.ApplicationFeeId, charge.OnBehalfOf);
    }

    public static CompanionRow Refunded(string chargeId, long amount) =>
        new("UPDATE charges SET amount_refunded = amount_refunded + $2 WHERE id = $1", chargeId, amount);
}
