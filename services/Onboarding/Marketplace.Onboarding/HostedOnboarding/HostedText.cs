namespace Marketplace.Onboarding.HostedOnboarding;

/// <summary>The hosted page's words, in English and French; a key without a translation shows in English.</summary>
public static class HostedText
{
    static readonly Dictionary<string, (string En, string Fr)> Texts = new(StringComparer.Ordinal)
    {
        ["title"] = ("Set up your account", "Configurez votre compte"),
        ["step"] = ("Step {0} of {1}", "Étape {0} sur {1}"),
        ["business"] = ("About your business", "Votre activité"),
        ["identity"] = ("Verify your identity", "Vérifiez votre identité"),
        ["bank"] = ("Where should we send your payouts?", "Où verser vos paiements ?"),
        ["terms"] = ("Terms of service", "Conditions d'utilisation"),
        ["continue"] = ("Continue", "Continuer"),
        ["required"] = ("Please fill in every field.", "Veuillez remplir tous les champs."),
        ["business_type"] = ("Type of business", "Type d'activité"),
        ["individual"] = ("Individual", "Particulier"),
        ["company"] = ("Company", "Société"),
        ["mcc"] = ("Merchant category code", "Code de catégorie marchand (MCC)"),
        ["url"] = ("Business website", "Site web de l'activité"),
        ["company_name"] = ("Legal name of the company", "Raison sociale"),
        ["tax_id"] = ("Tax ID", "Numéro d'identification fiscale"),
        ["owners_provided"] = ("I have provided every owner", "J'ai déclaré tous les propriétaires"),
        ["directors_provided"] = ("I have provided every director", "J'ai déclaré tous les dirigeants"),
        ["executives_provided"] = ("I have provided every executive", "J'ai déclaré tous les cadres dirigeants"),
        ["first_name"] = ("First name", "Prénom"),
        ["last_name"] = ("Last name", "Nom"),
        ["email"] = ("Email", "E-mail"),
        ["phone"] = ("Phone number", "Numéro de téléphone"),
        ["dob_day"] = ("Day of birth", "Jour de naissance"),
        ["dob_month"] = ("Month of birth", "Mois de naissance"),
        ["dob_year"] = ("Year of birth", "Année de naissance"),
        ["line1"] = ("Address", "Adresse"),
        ["city"] = ("City", "Ville"),
        ["postal_code"] = ("Postal code", "Code postal"),
        ["state"] = ("State", "État"),
        ["id_number"] = ("ID number", "Numéro d'identité"),
        ["ssn_last_4"] = ("Last 4 digits of your SSN", "4 derniers chiffres du SSN"),
        ["document"] = ("Identity document (front)", "Pièce d'identité (recto)"),
        ["iban"] = ("IBAN", "IBAN"),
        ["routing_number"] = ("Routing number", "Code banque"),
        ["account_number"] = ("Account number", "Numéro de compte"),
        ["tos"] = ("I accept the services agreement", "J'accepte le contrat de services"),
        ["completed"] = ("Your details are complete.", "Vos informations sont complètes."),
        ["expired"] = ("This link is no longer valid. Ask the platform for a new one.", "Ce lien n'est plus valide. Demandez-en un nouveau à la plateforme."),
    };

    public static string Get(string key, string locale) =>
        Texts.TryGetValue(key, out var text) ? locale == "fr" ? text.Fr : text.En : key;

    /// <summary>French when the browser prefers it, English when it prefers that; otherwise by the account's country.</summary>
    public static string LocaleFor(string? acceptLanguage, string country)
    {
        foreach (var tag in (acceptLanguage ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
            {
                return "fr";
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return "en";
            }
        }

        return country is "FR" ? "fr" : "en";
    }
}
