namespace Marketplace.Ledger.Disputes;

/// <summary>The causes a dispute's postings are unique on: one withdrawal, one reinstatement.</summary>
public static class DisputeCauses
{
    public static string Withdraw(string disputeId) => $"dispute:{disputeId}:withdraw";

    public static string Reinstate(string disputeId) => $"dispute:{disputeId}:reinstate";
}
