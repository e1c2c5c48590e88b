using System.Net;

namespace Marketplace.Fraud.ValueLists;

/// <summary>
/// Stripe's value list item types and how a value of each is checked and stored: countries upper-case, IP
/// addresses in their canonical form, the rest as given (trimmed). Matching is regardless of case except for
/// <c>case_sensitive_string</c> (<see cref="Rules.Language.ValueListContents"/>).
/// </summary>
public static class ValueListItemTypes
{
    public const string Default = "string";

    public static IReadOnlyList<string> All { get; } =
    [
        "card_bin", "card_fingerprint", "case_sensitive_string", "country", "customer_id", "email", "ip_address",
        "sepa_debit_fingerprint", "string", "us_bank_account_fingerprint",
    ];

    public const int MaxValueLength = 800;

    /// <summary>The value as stored, or null with why it does not fit <paramref name="itemType"/>.</summary>
    public static string? Normalize(string itemType, string value, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        problem = null;
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxValueLength)
        {
            problem = $"A value list item must have between 1 and {MaxValueLength} characters.";
            return null;
        }

        switch (itemType)
        {
            case "country" when trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter):
                return trimmed.ToUpperInvariant();
            case "country":
                problem = $"Invalid country: '{trimmed}' is not a two-letter ISO 3166-1 country code.";
                return null;
            case "ip_address" when IPAddress.TryParse(trimmed, out var address):
                return address.ToString();
            case "ip_address":
                problem = $"Invalid IP address: '{trimmed}'.";
                return null;
            case "card_bin" when trimmed.Length is >= 6 and <= 8 && trimmed.All(char.IsAsciiDigit):
                return trimmed;
            case "card_bin":
                problem = $"Invalid card BIN: '{trimmed}' is not 6 to 8 digits.";
                return null;
            case "email" when trimmed.Contains('@', StringComparison.Ordinal):
                return trimmed;
            case "email":
                problem = $"Invalid email address: '{trimmed}'.";
                return null;
            default:
                return trimmed;
        }
    }
}
