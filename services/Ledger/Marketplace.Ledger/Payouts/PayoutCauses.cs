namespace Marketplace.Ledger.Payouts;

/// <summary>The causes a payout's postings are unique on: one reservation, one settlement (paid or failed, not both).</summary>
public static class PayoutCauses
{
    public static string Reserve(string payoutId) => $"payout:{payoutId}:reserve";

    public static string Settle(string payoutId) => $"payout:{payoutId}:settle";
}
