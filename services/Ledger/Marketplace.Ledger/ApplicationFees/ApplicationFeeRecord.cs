using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.ApplicationFees;

/// <summary>The rows an application fee's or a fee refund's posting writes with itself.</summary>
public static class ApplicationFeeRecord
{
    /// <summary>The fee a charge carries, written with the charge's posting (built by <see cref="ChargeRules.Captured"/>).</summary>
    public static CompanionRow Collected(ChargeCaptured charge, Posting posting)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var earned = ChargeRules.ApplicationFeeEarned(posting, charge.PlatformId);
        return new CompanionRow(
            """
            INSERT INTO application_fees (id, platform_id, account, amount, currency, charge, originating_transaction, balance_transaction)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            charge.ApplicationFeeId, charge.PlatformId, charge.ApplicationFeeAccount, earned.Amount, charge.Currency, charge.ChargeId,
            charge.Destination is null ? null : charge.ChargeId, earned.Id);
    }

    /// <summary>
    /// The refund's row and the fee's new <c>amount_refunded</c>, for <paramref name="posting"/> (built by
    /// <see cref="ApplicationFeeRules.Refunded"/>, or a refund of the charge by <see cref="RefundRules.Issued"/>): its
    /// balance transaction is the platform's <c>application_fee_refund</c>.
    /// </summary>
    public static IReadOnlyList<CompanionRow> Refunded(string refundId, string feeId, string platformId, Posting posting, string metadataJson)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var platformSide = posting.BalanceTransactions.Single(b => b.Owner == platformId && b.Type == "application_fee_refund");
        return
        [
            new CompanionRow(
                "INSERT INTO fee_refunds (id, fee, amount, currency, balance_transaction, metadata) VALUES ($1, $2, $3, $4, $5, $6::jsonb)",
                refundId, feeId, -platformSide.Amount, platformSide.Currency, platformSide.Id, metadataJson),
            new CompanionRow("UPDATE application_fees SET amount_refunded = amount_refunded + $2 WHERE id = $1", feeId, -platformSide.Amount),
        ];
    }
}
