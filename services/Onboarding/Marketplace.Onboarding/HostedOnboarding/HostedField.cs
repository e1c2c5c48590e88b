namespace Marketplace.Onboarding.HostedOnboarding;

/// <summary>
/// One requirement as the hosted page asks for it: the step it belongs to, the text that labels it, and the form
/// input — named with the API's own parameter path (<c>individual[dob][day]</c>), so that the page's form is read
/// and validated by the very code that reads the API's requests.
/// </summary>
public sealed record HostedField(string Requirement, string Step, string Label, string InputName, string InputType)
{
    public const string Business = "business";
    public const string Identity = "identity";
    public const string Bank = "bank";
    public const string Terms = "terms";

    public static readonly IReadOnlyList<string> Steps = [Business, Identity, Bank, Terms];

    static readonly HostedField[] Known =
    [
        new("business_type", Business, "business_type", "business_type", "business_type"),
        new("business_profile.mcc", Business, "mcc", "business_profile[mcc]", "mcc"),
        new("business_profile.url", Business, "url", "business_profile[url]", "url"),
        new("company.name", Business, "company_name", "company[name]", "text"),
        new("company.phone", Business, "phone", "company[phone]", "tel"),
        new("company.tax_id", Business, "tax_id", "company[tax_id]", "text"),
        new("company.address.line1", Business, "line1", "company[address][line1]", "text"),
        new("company.address.city", Business, "city", "company[address][city]", "text"),
        new("company.address.postal_code", Business, "postal_code", "company[address][postal_code]", "text"),
        new("company.address.state", Business, "state", "company[address][state]", "text"),
        new("company.owners_provided", Business, "owners_provided", "company[owners_provided]", "checkbox"),
        new("company.directors_provided", Business, "directors_provided", "company[directors_provided]", "checkbox"),
        new("company.executives_provided", Business, "executives_provided", "company[executives_provided]", "checkbox"),
        new("individual.first_name", Identity, "first_name", "individual[first_name]", "text"),
        new("individual.last_name", Identity, "last_name", "individual[last_name]", "text"),
        new("individual.email", Identity, "email", "individual[email]", "email"),
        new("individual.phone", Identity, "phone", "individual[phone]", "tel"),
        new("individual.dob.day", Identity, "dob_day", "individual[dob][day]", "day"),
        new("individual.dob.month", Identity, "dob_month", "individual[dob][month]", "month"),
        new("individual.dob.year", Identity, "dob_year", "individual[dob][year]", "year"),
        new("individual.address.line1", Identity, "line1", "individual[address][line1]", "text"),
        new("individual.address.city", Identity, "city", "individual[address][city]", "text"),
        new("individual.address.postal_code", Identity, "postal_code", "individual[address][postal_code]", "text"),
        new("individual.address.state", Identity, "state", "individual[address][state]", "text"),
        new("individual.id_number", Identity, "id_number", "individual[id_number]", "text"),
        new("individual.ssn_last_4", Identity, "ssn_last_4", "individual[ssn_last_4]", "text"),
        new("individual.verification.document", Identity, "document", "document", "file"),
        new("external_account", Bank, "bank_account", "external_account[account_number]", "bank"),
        new("tos_acceptance.date", Terms, "tos", "tos_accept", "tos"),
        new("tos_acceptance.ip", Terms, "tos", "tos_accept", "tos"),
    ];

    /// <summary>The field that asks for <paramref name="requirement"/>, or null when the page cannot (a company's persons are added through the API).</summary>
    public static HostedField? For(string requirement) => Known.FirstOrDefault(field => field.Requirement == requirement);
}
