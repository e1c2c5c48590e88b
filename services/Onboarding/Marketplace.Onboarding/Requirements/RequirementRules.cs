namespace Marketplace.Onboarding.Requirements;

/// <summary>
/// The rules table: which fields an account must provide, by country × business type × requested capabilities,
/// with Stripe's requirement names. "Now" fields enable the capabilities at all; "eventually" fields are asked for
/// once the account is verified (the next threshold), with a deadline. A field of the account holder is written
/// with the <c>holder.</c> prefix and becomes <c>individual.</c> or <c>representative.</c> by business type.
/// </summary>
public static class RequirementRules
{
    const string AnyCountry = "*";
    static readonly string[] Europe = ["FR", "BE", "NL", "DE", "ES", "IT", "GB"];

    static readonly string[] Holder =
    [
        "holder.first_name", "holder.last_name", "holder.dob.day", "holder.dob.month", "holder.dob.year",
        "holder.address.line1", "holder.address.city", "holder.address.postal_code", "holder.email", "holder.phone",
    ];

    static readonly string[] CompanyFields =
    [
        "company.name", "company.address.line1", "company.address.city", "company.address.postal_code", "company.phone", "company.tax_id",
    ];

    /// <summary>One row: in these countries, for this business type (null: any) and this capability (null: any requested).</summary>
    sealed record Rule(string[] Countries, string? BusinessType, string? Capability, bool Eventually, string[] Fields);

    static readonly Rule[] Rules =
    [
        new([AnyCountry], null, null, false, ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"]),
        new([AnyCountry], null, "card_payments", false, ["business_profile.mcc", "business_profile.url"]),
        new([AnyCountry], "individual", null, false, Holder),
        new([AnyCountry], "company", null, false, [.. CompanyFields, .. Holder, "holder.relationship.title"]),
        new([AnyCountry], "non_profit", null, false, [.. CompanyFields, .. Holder, "holder.relationship.title"]),
        new([AnyCountry], "government_entity", null, false, ["company.name", "company.address.line1", "company.address.city", "company.address.postal_code", "company.phone", .. Holder]),
        new(["US"], null, null, false, ["holder.ssn_last_4", "holder.address.state"]),
        new(["US"], "company", null, false, ["company.address.state", "company.owners_provided", "company.executives_provided"]),
        new(["US"], null, null, true, ["holder.id_number"]),
        new(Europe, "company", null, false, ["company.owners_provided", "company.directors_provided"]),
        new(Europe, null, null, true, ["holder.verification.document"]),
    ];

    /// <summary>The fields due now and eventually, in the table's order, each once; without a business type only the general ones.</summary>
    public static (IReadOnlyList<string> Now, IReadOnlyList<string> Eventually) For(string country, string? businessType, IEnumerable<string> capabilities)
    {
        var requested = capabilities.ToHashSet(StringComparer.Ordinal);
        var holder = businessType == "individual" ? "individual." : "representative.";
        var matching = Rules.Where(rule =>
            (rule.Countries.Contains(AnyCountry) || rule.Countries.Contains(country))
            && (rule.BusinessType is null ? requested.Count > 0 : rule.BusinessType == businessType)
            && (rule.Capability is null || requested.Contains(rule.Capability))).ToList();
        IReadOnlyList<string> Fields(bool eventually) =>
            [.. matching.Where(rule => rule.Eventually == eventually)
                .SelectMany(rule => rule.Fields)
                .Select(field => field.StartsWith("holder.", StringComparison.Ordinal) ? holder + field["holder.".Length..] : field)
                .Where(field => businessType is not null || !field.StartsWith(holder, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)];
        return (Fields(false), Fields(true));
    }
}
