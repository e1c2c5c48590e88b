using Marketplace.Api.Money;

namespace Marketplace.Ledger.Fx;

/// <summary>
/// Converts minor-unit amounts between currencies at reference rates (units per US dollar) less a markup.
/// Rounding rule: the exact product, in decimal, is rounded half to even on the target currency's minor unit, once,
/// at the end — so JPY (no decimals), USD (two) and BHD (three) are each rounded on their own unit, and rounding errors
/// do not drift one way over many conversions. The rate is kept to 10 decimal places.
/// </summary>
public sealed class FxConverter(IReadOnlyDictionary<string, decimal> unitsPerUsd, int markupBasisPoints)
{
    public FxQuote Convert(long amount, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
        {
            return new FxQuote(amount, to, 1m);
        }

        var rate = Math.Round(Rate(to) / Rate(from) * (10_000 - markupBasisPoints) / 10_000m, 10, MidpointRounding.ToEven);
        var major = amount / Scale(from);
        var converted = Math.Round(major * rate * Scale(to), MidpointRounding.ToEven);
        return new FxQuote((long)converted, to, rate);
    }

    decimal Rate(string currency) =>
        unitsPerUsd.TryGetValue(currency, out var rate) && rate > 0
            ? rate
            : throw new ArgumentException($"No exchange rate for '{currency}'.", nameof(currency));

    static decimal Scale(string currency) => Currencies.MinorUnitExponent(currency) switch
    {
        0 => 1m,
        3 => 1000m,
        _ => 100m,
    };
}
