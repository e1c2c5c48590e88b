using System.Collections.Frozen;
using System.Globalization;
using Marketplace.Api.Errors;

namespace Marketplace.Api.Money;

/// <summary>
/// Stripe's bounds on what a charge may be: at least the minimum of its settlement currency (Stripe's table of
/// minimum charge amounts, in minor units), at most eight digits, and for three-decimal currencies a multiple of ten,
/// because card networks settle those to the hundredth.
/// </summary>
public static class ChargeAmounts
{
    public const long Maximum = 99_999_999;

    static readonly FrozenDictionary<string, long> Minimums = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["usd"] = 50, ["aed"] = 200, ["aud"] = 50, ["bgn"] = 100, ["brl"] = 50, ["cad"] = 50, ["chf"] = 50,
        ["czk"] = 1500, ["dkk"] = 250, ["eur"] = 50, ["gbp"] = 30, ["hkd"] = 400, ["huf"] = 17500, ["inr"] = 50,
        ["jpy"] = 50, ["mxn"] = 1000, ["myr"] = 200, ["nok"] = 300, ["nzd"] = 50, ["pln"] = 200, ["ron"] = 200,
        ["sek"] = 300, ["sgd"] = 50, ["thb"] = 1000,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The smallest charge settled in <paramref name="currency"/>, or null where Stripe's table has none (there the
    /// minimum is the equivalent of 0.50 usd, which needs a rate; <see cref="Check"/> then asks for one minor unit).
    /// </summary>
    public static long? Minimum(string currency) => Minimums.TryGetValue(currency, out var minimum) ? minimum : null;

    /// <summary>
    /// Checks a charge of <paramref name="amount"/> presented in <paramref name="currency"/> and settled in
    /// <paramref name="settlementCurrency"/> (the same unless converted; the minimum applies to what settles, so the
    /// caller converts <paramref name="settledAmount"/> when they differ).
    /// </summary>
    public static StripeError? Check(long amount, string currency, string? settlementCurrency = null, long? settledAmount = null, string param = "amount")
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (amount < 0)
        {
            return StripeError.InvalidRequest("Invalid positive integer", param, StripeErrorCode.ParameterInvalidInteger);
        }

        var settlement = settlementCurrency ?? currency;
        var minimum = Minimum(settlement) ?? 1;
        if ((settledAmount ?? amount) < minimum)
        {
            return StripeError.InvalidRequest(
                $"Amount must be at least {Format(minimum, settlement)} {settlement}", param, StripeErrorCode.AmountTooSmall);
        }

        if (amount > Maximum)
        {
            return StripeError.InvalidRequest(
                $"Amount must be no more than {Format(Maximum, currency)} {currency}", param, StripeErrorCode.AmountTooLarge);
        }

        if (Currencies.IsThreeDecimal(currency) && amount % 10 != 0)
        {
            return StripeError.InvalidRequest(
                $"Amounts in {currency} must end in 0: card networks settle {currency} to the hundredth.", param, StripeErrorCode.InvalidChargeAmount);
        }

        return null;
    }

    /// <summary>Writes minor units as the major amount (<c>50</c> usd is <c>0.50</c>) with integer arithmetic only.</summary>
    public static string Format(long amount, string currency)
    {
        var exponent = Currencies.MinorUnitExponent(currency);
        if (exponent == 0)
        {
            return amount.ToString(CultureInfo.InvariantCulture);
        }

        var divisor = exponent == 3 ? 1000L : 100L;
        var fraction = Math.Abs(amount % divisor).ToString(CultureInfo.InvariantCulture).PadLeft(exponent, '0');
        return string.Create(CultureInfo.InvariantCulture, $"{(amount < 0 ? "-" : "")}{Math.Abs(amount / divisor)}.{fraction}");
    }
}
