namespace Marketplace.Ledger.ApplicationFees;

/// <summary>What an application fee was collected on (<c>fee_source</c>): always a charge here.</summary>
public sealed record ApplicationFeeSource(string Charge)
{
    public string Type => "charge";
}
