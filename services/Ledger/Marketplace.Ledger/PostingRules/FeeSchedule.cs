namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// A processing fee: a percentage in basis points plus a fixed amount, in the charge's currency. Rounding rule: the
/// percentage part is rounded half to even on the minor unit (banker's rounding, so that rounding errors do not
/// drift one way over many charges), then the fixed part is added.
/// </summary>
public sealed record FeeSchedule(int BasisPoints, long FixedAmount)
{
    /// <summary>The fee for a dispute, in the charge's minor unit (Stripe's US fee: 15.00), kept even if the dispute is won.</summary>
    public long DisputeFee { get; init; } = 1500;

    /// <summary>Stripe's standard card pricing: 2.9 % + 30 (minor units).</summary>
    public static FeeSchedule StandardCard { get; } = new(290, 30);

    public long FeeFor(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var percentage = Math.Round(amount * (decimal)BasisPoints / 10_000m, MidpointRounding.ToEven);
        return (long)percentage + FixedAmount;
    }
}
