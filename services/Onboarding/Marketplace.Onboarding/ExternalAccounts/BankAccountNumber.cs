using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Marketplace.Api.Errors;

namespace Marketplace.Onboarding.ExternalAccounts;

/// <summary>
/// A bank account number checked as the bank networks check it: an IBAN by its country's length and its mod-97
/// checksum (ISO 13616), a US account by its ABA routing number's checksum. Error messages never repeat the number.
/// </summary>
public sealed record BankAccountNumber(string Country, string Number, string? RoutingNumber)
{
    const string Param = "external_account";

    /// <summary>IBAN lengths of the SEPA countries (and GB), from the SWIFT IBAN registry.</summary>
    static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["EE"] = 20,
        ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26,
        ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15,
        ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24,
    };

    /// <summary>Countries whose payouts go to an IBAN (SEPA).</summary>
    public static bool UsesIban(string country) => IbanLengths.ContainsKey(country) && country != "GB";

    public string Last4 => Number[^4..];

    /// <summary>What identifies the account across requests, for its fingerprint.</summary>
    public string Identity => $"{Country}|{RoutingNumber}|{Number}";

    public static bool TryParse(
        string accountCountry, string? country, string? routingNumber, string accountNumber,
        [NotNullWhen(true)] out BankAccountNumber? number, [NotNullWhen(false)] out StripeError? error)
    {
        ArgumentNullException.ThrowIfNull(accountNumber);
        number = null;
        var compact = new string([.. accountNumber.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        var bankCountry = (country ?? accountCountry).ToUpperInvariant();
        var looksLikeIban = compact.Length > 2 && char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1]);
        if (looksLikeIban || UsesIban(bankCountry))
        {
            if (!IsValidIban(compact, out var reason))
            {
                error = StripeError.InvalidRequest($"The IBAN you provided is invalid: {reason}.", Param, "invalid_bank_account_iban");
                return false;
            }

            error = null;
            number = new BankAccountNumber(compact[..2], compact, null);
            return true;
        }

        if (!compact.All(char.IsAsciiDigit) || compact.Length is < 4 or > 17)
        {
            error = StripeError.InvalidRequest("The account number you provided is invalid: it must be 4 to 17 digits.", Param, "account_number_invalid");
            return false;
        }

        var routing = routingNumber?.Replace("-", "", StringComparison.Ordinal).Trim();
        var routingValid = bankCountry switch
        {
            "US" => routing is { Length: 9 } && routing.All(char.IsAsciiDigit) && AbaChecksumHolds(routing),
            "GB" => routing is { Length: 6 } && routing.All(char.IsAsciiDigit),
            _ => !string.IsNullOrEmpty(routing),
        };
        if (!routingValid)
        {
            error = StripeError.InvalidRequest(
                bankCountry == "US" ? "The routing number you provided is invalid: it must be 9 digits with a valid ABA checksum."
                    : "The routing number (bank code or sort code) you provided is invalid.", Param, "routing_number_invalid");
            return false;
        }

        error = null;
        number = new BankAccountNumber(bankCountry, compact, routing);
        return true;
    }

    static bool IsValidIban(string iban, out string reason)
    {
        if (iban.Length < 5 || !iban.All(char.IsAsciiLetterOrDigit))
        {
            reason = "it must be letters and digits only";
            return false;
        }

        if (!IbanLengths.TryGetValue(iban[..2], out var length))
        {
            reason = "its country is not supported";
            return false;
        }

        if (iban.Length != length)
        {
            reason = $"an IBAN of {iban[..2]} has {length} characters";
            return false;
        }

        // ISO 13616: move the first four characters to the end, letters become 10..35, and the number mod 97 is 1.
        var digits = string.Concat((iban[4..] + iban[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 != 1)
        {
            reason = "its checksum does not match";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>ABA: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10.</summary>
    static bool AbaChecksumHolds(string routing)
    {
        var d = routing.Select(c => c - '0').ToArray();
        return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0;
    }
}
