using System.Numerics;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// An IBAN as <c>sepa_debit[iban]</c> gives it: spaces removed, upper case, its ISO 13616 check digits verified, and
/// where the country's format is known here, its bank and branch codes located.
/// </summary>
internal sealed record Iban(string Value)
{
    /// <summary>Where the bank and branch codes sit in the BBAN (after the 4 characters of country and check digits).</summary>
    static readonly Dictionary<string, (int Offset, int BankLength, int BranchLength)> Formats = new(StringComparer.Ordinal)
    {
        ["AT"] = (0, 5, 0),
        ["BE"] = (0, 3, 0),
        ["DE"] = (0, 8, 0),
        ["ES"] = (0, 4, 4),
        ["FR"] = (0, 5, 5),
        ["IT"] = (1, 5, 5),
        ["NL"] = (0, 4, 0),
    };

    public string Country => Value[..2];

    public string Last4 => Value[^4..];

    public string? BankCode => Formats.TryGetValue(Country, out var format) ? Value.Substring(4 + format.Offset, format.BankLength) : null;

    public string? BranchCode => Formats.TryGetValue(Country, out var format) && format.BranchLength > 0
        ? Value.Substring(4 + format.Offset + format.BankLength, format.BranchLength)
        : null;

    /// <summary>Never the IBAN: a record's generated ToString would print it.</summary>
    public override string ToString() => $"Iban {{ Country = {Country} }}";

    /// <summary>Reads <c>sepa_debit[iban]</c>; failures go to the reader, and then the result is null.</summary>
    public static Iban? Read(ParameterReader parameters)
    {
        if (parameters.GetObject("sepa_debit") is not { } sepaDebit)
        {
            if (!parameters.Failed)
            {
                parameters.Fail(ParameterErrors.Missing("sepa_debit"));
            }

            return null;
        }

        var text = sepaDebit.GetRequiredString("iban", 64).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (parameters.Failed)
        {
            return null;
        }

        if (!IsValid(text))
        {
            sepaDebit.Fail(StripeError.InvalidRequest("The provided IBAN is invalid.", sepaDebit.PathOf("iban"), "invalid_bank_account_iban"));
            return null;
        }

        return new Iban(text);
    }

    /// <summary>Two letters, two check digits, up to 30 alphanumerics, and the whole, rotated and read as a number, ≡ 1 (mod 97).</summary>
    static bool IsValid(string iban)
    {
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var digits = string.Concat((iban[4..] + iban[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        return BigInteger.Parse(digits) % 97 == 1;
    }
}
