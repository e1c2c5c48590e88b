namespace Marketplace.Onboarding.Requirements;

/// <summary>What a country supports: its default currency, and the capabilities an account there may request.</summary>
public sealed record CountrySpec(string Country, string DefaultCurrency, IReadOnlyList<string> Capabilities, bool Sepa)
{
    static readonly string[] Everywhere = ["card_payments", "transfers"];

    static readonly Dictionary<string, CountrySpec> Specs = new[]
    {
        Euro("FR", "sepa_debit_payments", "cartes_bancaires_payments"),
        Euro("BE", "sepa_debit_payments", "bancontact_payments"),
        Euro("NL", "sepa_debit_payments", "ideal_payments"),
        Euro("DE", "sepa_debit_payments", "giropay_payments"),
        Euro("ES", "sepa_debit_payments"),
        Euro("IT", "sepa_debit_payments"),
        new CountrySpec("GB", "gbp", [.. Everywhere, "bacs_debit_payments"], Sepa: false),
        new CountrySpec("US", "usd", [.. Everywhere, "us_bank_account_ach_payments"], Sepa: false),
    }.ToDictionary(spec => spec.Country, StringComparer.Ordinal);

    public static IEnumerable<string> Countries => Specs.Keys;

    public static CountrySpec? Find(string country) => Specs.GetValueOrDefault(country);

    /// <summary>Every capability some supported country offers, for telling an unknown name from an unavailable one.</summary>
    public static IReadOnlySet<string> AllCapabilities { get; } = Specs.Values.SelectMany(spec => spec.Capabilities).ToHashSet(StringComparer.Ordinal);

    static CountrySpec Euro(string country, params string[] local) => new(country, "eur", [.. Everywhere, .. local], Sepa: true);
}
