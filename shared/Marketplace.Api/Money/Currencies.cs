using System.Collections.Frozen;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Money;

/// <summary>
/// The presentment currencies Stripe supports, as lowercase ISO 4217 codes, with the exponent of their minor unit as
/// Stripe counts it: 0 for its zero-decimal currencies, 3 for the three-decimal ones, 2 for every other.
/// </summary>
public static class Currencies
{
    static readonly FrozenSet<string> ZeroDecimal = FrozenSet.Create(StringComparer.Ordinal,
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

    static readonly FrozenSet<string> ThreeDecimal = FrozenSet.Create(StringComparer.Ordinal, "bhd", "jod", "kwd", "omr", "tnd");

    static readonly FrozenSet<string> Supported = FrozenSet.Create(StringComparer.Ordinal,
        "usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt", "bgn", "bhd", "bif",
        "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf", "clp", "cny", "cop", "crc", "cve", "czk",
        "djf", "dkk", "dop", "dzd", "egp", "etb", "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd",
        "hnl", "htg", "huf", "idr", "ils", "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "krw", "kwd", "kyd",
        "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk", "mxn",
        "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php", "pkr", "pln", "pyg", "qar",
        "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos", "srd", "std", "szl", "thb", "tjs",
        "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "uyu", "uzs", "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf",
        "yer", "zar", "zmw");

    /// <summary>Every currency a payment may be made in, lowercase.</summary>
    public static IReadOnlyCollection<string> All => Supported;

    public static bool IsSupported(string currency) => Supported.Contains(currency);

    public static bool IsZeroDecimal(string currency) => ZeroDecimal.Contains(currency);

    public static bool IsThreeDecimal(string currency) => ThreeDecimal.Contains(currency);

    /// <summary>How many digits of the amount are after the decimal point: 1000 is 10.00 usd, 1000 jpy, 1.000 kwd.</summary>
    public static int MinorUnitExponent(string currency) => IsZeroDecimal(currency) ? 0 : IsThreeDecimal(currency) ? 3 : 2;

    /// <summary>Reads a currency parameter that must be given (<c>parameter_missing</c> otherwise).</summary>
    public static string? ReadRequired(ParameterReader parameters, string name = "currency")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.Has(name))
        {
            parameters.Fail(ParameterErrors.Missing(parameters.PathOf(name)));
            return null;
        }

        return Read(parameters, name);
    }

    /// <summary>Reads a currency parameter; Stripe takes any case and answers in lowercase.</summary>
    public static string? Read(ParameterReader parameters, string name = "currency")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.GetString(name) is not { } text)
        {
            return null;
        }

        var currency = text.ToLowerInvariant();
        if (!IsSupported(currency))
        {
            parameters.Fail(Errors.StripeError.InvalidRequest(
                $"Invalid currency: {currency}. Supported currencies are: {string.Join(", ", Supported.Order(StringComparer.Ordinal))}.",
                parameters.PathOf(name)));
            return null;
        }

        return currency;
    }
}
