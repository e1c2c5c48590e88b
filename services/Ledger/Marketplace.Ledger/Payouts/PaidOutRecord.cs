using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.Payouts;

/// <summary>
/// The companion row of an automatic payout's reservation: every balance transaction of the account in the payout's
/// currency that is available and not yet paid out is marked as paid out by it — the payout's own included.
/// </summary>
public static class PaidOutRecord
{
    public static CompanionRow Sweep(string payoutId, string owner, string currency) =>
        new(
            """
            UPDATE balance_transactions SET payout = $1
            WHERE owner = $2 AND currency = $3 AND payout IS NULL AND (available_on <= now() OR source = $1)
            """,
            payoutId, owner, currency);
}
