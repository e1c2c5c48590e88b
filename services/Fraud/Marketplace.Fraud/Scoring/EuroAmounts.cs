using Marketplace.Api.Money;

namespace Marketplace.Fraud.Scoring;

/// <summary>
/// <c>amount_in_eur</c>: an amount converted to euros (major units) with fixed reference rates. Risk only needs the
/// order of magnitude ("over €5,000"), so Fraud keeps no live FX feed; money itself is converted by the Ledger.
/// A currency without a rate here has no <c>amount_in_eur</c>, and rules on it are false.
/// </summary>
public static class EuroAmounts
{
    static readonly Dictionary<string, double> EurPerUnit = new(StringComparer.Ordinal)
    {
        ["eur"] = 1.0, ["usd"] = 0.92, ["gbp"] = 1.17, ["chf"] = 1.05, ["jpy"] = 0.0061, ["cad"] = 0.68, ["aud"] = 0.60,
        ["nzd"] = 0.55, ["sek"] = 0.087, ["nok"] = 0.086, ["dkk"] = 0.134, ["pln"] = 0.23, ["czk"] = 0.040, ["huf"] = 0.0025,
        ["ron"] = 0.20, ["bgn"] = 0.51, ["sgd"] = 0.69, ["hkd"] = 0.12, ["mxn"] = 0.054, ["brl"] = 0.17, ["inr"] = 0.011,
    };

    public static double? Convert(long amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var code = currency.ToLowerInvariant();
        if (!EurPerUnit.TryGetValue(code, out var rate))
        {
            return null;
        }

        return Math.Round(amount / Math.Pow(10, Currencies.MinorUnitExponent(code)) * rate, 2);
    }
}
