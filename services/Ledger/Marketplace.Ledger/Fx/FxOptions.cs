namespace Marketplace.Ledger.Fx;

/// <summary>Configuration section <c>Ledger:Fx</c>.</summary>
public sealed class FxOptions
{
    /// <summary>The platform's margin on conversions, taken off the reference rate (100 = 1 %).</summary>
    public int MarkupBasisPoints { get; set; } = 100;
}
