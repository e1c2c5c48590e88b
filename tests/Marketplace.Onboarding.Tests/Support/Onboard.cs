using System.Globalization;

namespace Marketplace.Onboarding.Tests.Support;

/// <summary>Account parameters as a platform sends them, built from Stripe's test values.</summary>
static class Onboard
{
    /// <summary>Stripe's test IBAN for France: a valid checksum.</summary>
    public const string FrenchIban = "FR1420041010050500013M02606";

    public const string UsRouting = "110000000";

    public const string UsAccount = "000123456789";

    /// <summary>A custom French individual with every field due, each a value that verifies (date of birth 1902-01-01: at once).</summary>
    public static List<(string, string)> FrenchIndividual(string dob = "1902-01-01", string line1 = "address_full_match", string firstName = "Jenny", string lastName = "Rosen")
    {
        var parts = dob.Split('-');
        return
        [
            ("type", "custom"), ("country", "FR"), ("email", "jenny@example.com"), ("business_type", "individual"),
            ("capabilities[card_payments][requested]", "true"), ("capabilities[transfers][requested]", "true"),
            ("individual[first_name]", firstName), ("individual[last_name]", lastName), ("individual[email]", "jenny@example.com"),
            ("individual[phone]", "+33612345678"), ("individual[dob][day]", parts[2].TrimStart('0')), ("individual[dob][month]", parts[1].TrimStart('0')),
            ("individual[dob][year]", parts[0]), ("individual[address][line1]", line1), ("individual[address][city]", "Paris"),
            ("individual[address][postal_code]", "75001"), ("individual[address][country]", "FR"),
            ("individual[verification][document][front]", "file_identity_document_success"),
            ("business_profile[mcc]", "5734"), ("business_profile[url]", "https://example.com"),
            ("tos_acceptance[date]", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), ("tos_acceptance[ip]", "203.0.113.7"),
            ("external_account[object]", "bank_account"), ("external_account[country]", "FR"), ("external_account[currency]", "eur"),
            ("external_account[account_number]", FrenchIban),
        ];
    }
}
