using Marketplace.Api.Money;

namespace Marketplace.Fraud.Scoring;

/// <summary>
/// <c>amount_in_eur</c>: an amount converted to euros (major units) with fixed reference rates. Risk only needs the
/// order of magnitude ("over €5,000"), so Fraud keeps no live FX feed; money itself is converted by the Ledger.
/// A currency without a rate here has no <c>amount_in_eur</c>, and rules on it are false. Decimal, as money is
/// everywhere; only the rule evaluator compares it as a number.
/// </summary>
public static class EuroAmounts
{
    static readonly Dictionary<string, decimal> EurPerUnit = new(StringComparer.Ordinal)
    {
        ["eur"] = 1.0m, ["usd"] = 0.92m, ["gbp"] = 1.17m, ["chf"] = 1.05m, ["jpy"] = 0.0061m, ["cad"] = 0.68m, ["aud"] = 0.60m,
        ["nzd"] = 0.55m, ["sek"] = 0.087m, ["nok"] = 0.086m, ["dkk"] = 0.134m, ["pln"] = 0.23m, ["czk"] = 0.040m, ["huf"] = 0.0025m,
        ["ron"] = 0.20m, ["bgn"] = 0.51m, ["sgd"] = 0.69m, ["hkd"] = 0.12m, ["mxn"] = 0.054m, ["brl"] = 0.17m, ["inr"] = 0.011m,
    };

    public static decimal? Convert(long amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var code = currency.ToLowerInvariant();
        if (!EurPerUnit.TryGetValue(code, out var rate))
        {
            return null;
        }

        var scale = Currencies.MinorUnitExponent(code) switch { 0 => 1m, 3 => 1000m, _ => 100m };
        return Math.Round(amount / scale * rate, 2, MidpointRounding.ToEven);
    }
}
