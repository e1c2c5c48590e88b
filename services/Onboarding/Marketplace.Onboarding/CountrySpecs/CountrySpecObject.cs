using System.Text.Json.Serialization;
using Marketplace.Api.Money;
using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.CountrySpecs;

/// <summary>
/// Stripe's <c>country_spec</c>: what an account in one country may do and must provide, from the same tables that
/// decide its requirements (<see cref="CountrySpec"/>, <see cref="RequirementRules"/>). Not a StripeObject: Stripe's
/// country spec has no <c>livemode</c>.
/// </summary>
public sealed record CountrySpecObject
{
    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => "country_spec";

    public required string DefaultCurrency { get; init; }

    /// <summary>Per currency, the countries whose bank accounts in that currency can receive payouts.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> SupportedBankAccountCurrencies { get; init; }

    public required IReadOnlyList<string> SupportedPaymentCurrencies { get; init; }

    public required IReadOnlyList<string> SupportedPaymentMethods { get; init; }

    public required IReadOnlyList<string> SupportedTransferCountries { get; init; }

    public required CountrySpecVerificationFields VerificationFields { get; init; }

    /// <summary>The capabilities an account needs to be paid by card and paid out, whose fields are the minimum.</summary>
    static readonly string[] Essential = ["card_payments", "transfers"];

    public static CountrySpecObject Of(CountrySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // Funds move within a region: the SEPA countries and Great Britain among themselves, the United States alone.
        var region = CountrySpec.Countries.Select(CountrySpec.Find).OfType<CountrySpec>()
            .Where(other => spec.Country == "US" ? other.Country == "US" : other.Country != "US")
            .ToList();
        return new CountrySpecObject
        {
            Id = spec.Country,
            DefaultCurrency = spec.DefaultCurrency,
            SupportedBankAccountCurrencies = region.GroupBy(other => other.DefaultCurrency, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)[.. group.Select(other => other.Country).Order(StringComparer.Ordinal)]),
            SupportedPaymentCurrencies = [.. Currencies.All.Order(StringComparer.Ordinal)],
            SupportedPaymentMethods = [.. spec.Capabilities.Where(c => c.EndsWith("_payments", StringComparison.Ordinal))
                .Select(c => c[..^"_payments".Length]).Order(StringComparer.Ordinal)],
            SupportedTransferCountries = [.. region.Select(other => other.Country).Order(StringComparer.Ordinal)],
            VerificationFields = new CountrySpecVerificationFields(Fields(spec.Country, "company"), Fields(spec.Country, "individual")),
        };
    }

    static CountrySpecVerificationFieldList Fields(string country, string businessType)
    {
        var (now, eventually) = RequirementRules.For(country, businessType, Essential);
        return new CountrySpecVerificationFieldList([.. eventually], [.. now]);
    }
}

/// <summary>The fields an account must provide, by business type.</summary>
public sealed record CountrySpecVerificationFields(CountrySpecVerificationFieldList Company, CountrySpecVerificationFieldList Individual);

/// <summary><c>minimum</c>: due before the account can be enabled; <c>additional</c>: due later, as volumes grow.</summary>
public sealed record CountrySpecVerificationFieldList(IReadOnlyList<string> Additional, IReadOnlyList<string> Minimum);
