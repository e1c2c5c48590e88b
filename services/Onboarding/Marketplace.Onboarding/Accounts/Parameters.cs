using System.Globalization;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Small readers shared by the account, person and bank account parameters: a field is left as it is when not sent,
/// cleared when sent empty, and set otherwise; failures go to the reader.
/// </summary>
internal static class Parameters
{
    public static string? Text(ParameterReader reader, string name, string? current, int maxLength = 5000) =>
        reader.Unset(name) ? null : reader.GetString(name, maxLength) ?? current;

    public static bool? Flag(ParameterReader reader, string name, bool? current) =>
        reader.Unset(name) ? null : reader.GetBoolean(name) ?? current;

    public static Address? ReadAddress(ParameterReader reader, string name, Address? current)
    {
        if (reader.Unset(name))
        {
            return null;
        }

        if (reader.GetObject(name) is not { } address)
        {
            return current;
        }

        var before = current ?? new Address();
        var country = Text(address, "country", before.Country, 2)?.ToUpperInvariant();
        return new Address
        {
            City = Text(address, "city", before.City, 100),
            Country = country,
            Line1 = Text(address, "line1", before.Line1, 200),
            Line2 = Text(address, "line2", before.Line2, 200),
            PostalCode = Text(address, "postal_code", before.PostalCode, 20),
            State = Text(address, "state", before.State, 100),
        };
    }

    public static string? Email(ParameterReader reader, string name, string? current)
    {
        var email = Text(reader, name, current, 800);
        if (email is not null && email != current && (email.IndexOf('@', StringComparison.Ordinal) is var at && (at <= 0 || at == email.Length - 1)
            || email.Any(char.IsWhiteSpace)))
        {
            reader.Fail(StripeError.InvalidRequest($"Invalid email address: {email}", reader.PathOf(name), "email_invalid"));
            return current;
        }

        return email;
    }

    public static decimal? Decimal(ParameterReader reader, string name, decimal? current, decimal minimum, decimal maximum)
    {
        if (reader.Unset(name))
        {
            return null;
        }

        if (reader.GetString(name, 20) is not { } text)
        {
            return current;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            reader.Fail(StripeError.InvalidRequest(
                $"Invalid decimal: {text}. It must be a number from {minimum} to {maximum}.", reader.PathOf(name)));
            return current;
        }

        return value;
    }
}
