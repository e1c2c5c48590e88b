using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;
using Marketplace.Api.Money;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.Persons;
using Marketplace.Onboarding.Requirements;
using Marketplace.Onboarding.Secrets;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Reads an account create or update with Stripe's parameter names and applies it to the stored record. Nested
/// hashes merge key by key, as Stripe's do for accounts; an empty value clears a field.
/// </summary>
internal static class AccountChanges
{
    static readonly string[] BusinessTypes = ["individual", "company", "non_profit", "government_entity"];
    static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>A new account's record from <c>type</c> (or <c>controller</c>), <c>country</c> and <c>default_currency</c>, then the rest applied.</summary>
    public static (AccountRecord Record, NewBankAccount? BankAccount) ReadCreate(ParameterReader reader, SecretSealer sealer, DateTimeOffset now)
    {
        var type = reader.GetEnum("type", "standard", "express", "custom");
        var controller = ReadController(reader);
        if (type is null && controller is null)
        {
            reader.Fail(StripeError.InvalidRequest("You must provide either type or controller.", "type", "parameter_missing"));
        }

        var country = (reader.GetString("country", 2) ?? "US").ToUpperInvariant();
        var spec = CountrySpec.Find(country);
        if (spec is null)
        {
            reader.Fail(StripeError.InvalidRequest(
                $"Country '{country}' is not supported. Supported countries: {string.Join(", ", CountrySpec.Countries)}.", "country"));
            spec = CountrySpec.Find("US")!;
        }

        var blank = new AccountRecord
        {
            Type = type ?? controller?.ImpliedType() ?? "custom",
            Controller = controller ?? AccountController.ForType(type ?? "custom"),
            Country = spec.Country,
            DefaultCurrency = spec.DefaultCurrency,
            IndividualId = Marketplace.Data.PrefixedId.New("person", now),
        };
        var (record, bankAccount) = Apply(reader, blank, sealer, now);
        if (!reader.Has("capabilities") && record.Capabilities.Count == 0)
        {
            // Stripe asks a platform to request capabilities; one that does not gets what a marketplace seller needs.
            record = record with { Capabilities = new Dictionary<string, DateTimeOffset> { ["card_payments"] = now, ["transfers"] = now } };
        }

        return (record, bankAccount);
    }

    /// <summary>An update: everything but <c>type</c> and <c>country</c>, which Stripe does not let change.</summary>
    public static (AccountRecord Record, NewBankAccount? BankAccount) Apply(ParameterReader reader, AccountRecord current, SecretSealer sealer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(current);
        var metadata = MetadataUpdate.Read(reader);
        var businessType = reader.GetEnum("business_type", BusinessTypes) ?? current.BusinessType;
        var defaultCurrency = Currencies.Read(reader, "default_currency") ?? current.DefaultCurrency;
        var record = current with
        {
            Email = Parameters.Email(reader, "email", current.Email),
            BusinessType = businessType,
            DefaultCurrency = defaultCurrency,
            Individual = reader.GetObject("individual") is { } individual
                ? PersonChanges.Apply(individual, current.Individual ?? new PersonRecord(), sealer, withRelationship: true)
                : current.Individual,
            Company = reader.GetObject("company") is { } company ? ReadCompany(company, current.Company ?? new CompanyRecord(), sealer) : current.Company,
            BusinessProfile = reader.GetObject("business_profile") is { } profile ? ReadBusinessProfile(profile, current.BusinessProfile) : current.BusinessProfile,
            TosAcceptance = reader.GetObject("tos_acceptance") is { } tos ? ReadTos(tos, current.TosAcceptance) : current.TosAcceptance,
            Capabilities = ReadCapabilities(reader, current, now),
        };
        if (reader.GetObject("settings") is { } settings && settings.GetObject("payouts") is { } payouts)
        {
            record = record with
            {
                PayoutSchedule = payouts.GetObject("schedule") is { } schedule ? ReadSchedule(schedule, current.PayoutSchedule) : current.PayoutSchedule,
                PayoutStatementDescriptor = Parameters.Text(payouts, "statement_descriptor", current.PayoutStatementDescriptor, 22),
            };
        }

        var bankAccount = BankAccountParameters.Read(reader, record.Country, record.DefaultCurrency, sealer, required: false, defaultForCurrency: true);
        if (!metadata.TryApply(current.Metadata, out var applied, out var error))
        {
            reader.Fail(error);
            return (current, null);
        }

        return (record with { Metadata = applied }, bankAccount);
    }

    static AccountController? ReadController(ParameterReader reader)
    {
        if (reader.GetObject("controller") is not { } controller)
        {
            return null;
        }

        var feesPayer = controller.GetObject("fees")?.GetEnum("payer", "account", "application") ?? "application";
        var losses = controller.GetObject("losses")?.GetEnum("payments", "application", "stripe") ?? "application";
        var collection = controller.GetEnum("requirement_collection", "application", "stripe") ?? "stripe";
        var dashboard = controller.GetObject("stripe_dashboard")?.GetEnum("type", "express", "full", "none") ?? "full";
        var ownsItself = feesPayer == "account" && dashboard == "full";
        return AccountController.Of(feesPayer, losses, collection, dashboard, isController: !ownsItself, ownsItself ? "account" : "application");
    }

    static CompanyRecord ReadCompany(ParameterReader reader, CompanyRecord current, SecretSealer sealer) => current with
    {
        Address = Parameters.ReadAddress(reader, "address", current.Address),
        DirectorsProvided = reader.GetBoolean("directors_provided") ?? current.DirectorsProvided,
        ExecutivesProvided = reader.GetBoolean("executives_provided") ?? current.ExecutivesProvided,
        Name = Parameters.Text(reader, "name", current.Name, 100),
        OwnersProvided = reader.GetBoolean("owners_provided") ?? current.OwnersProvided,
        Phone = Parameters.Text(reader, "phone", current.Phone, 30),
        Structure = Parameters.Text(reader, "structure", current.Structure, 100),
        TaxIdSealed = reader.GetString("tax_id", 100) is { } taxId ? sealer.Seal(taxId) : current.TaxIdSealed,
        VatIdSealed = reader.GetString("vat_id", 100) is { } vatId ? sealer.Seal(vatId) : current.VatIdSealed,
    };

    static BusinessProfile ReadBusinessProfile(ParameterReader reader, BusinessProfile current)
    {
        var mcc = Parameters.Text(reader, "mcc", current.Mcc, 4);
        if (mcc is not null && mcc != current.Mcc && (mcc.Length != 4 || !mcc.All(char.IsAsciiDigit)))
        {
            reader.Fail(StripeError.InvalidRequest($"Invalid mcc: {mcc}. It must be a four-digit merchant category code.", reader.PathOf("mcc")));
            mcc = current.Mcc;
        }

        return new BusinessProfile
        {
            Mcc = mcc,
            Name = Parameters.Text(reader, "name", current.Name, 200),
            ProductDescription = Parameters.Text(reader, "product_description", current.ProductDescription, 40000),
            SupportAddress = Parameters.ReadAddress(reader, "support_address", current.SupportAddress),
            SupportEmail = Parameters.Email(reader, "support_email", current.SupportEmail),
            SupportPhone = Parameters.Text(reader, "support_phone", current.SupportPhone, 30),
            SupportUrl = Parameters.Text(reader, "support_url", current.SupportUrl, 5000),
            Url = Parameters.Text(reader, "url", current.Url, 5000),
        };
    }

    static TosAcceptance ReadTos(ParameterReader reader, TosAcceptance current) => new()
    {
        Date = reader.GetTimestamp("date") ?? current.Date,
        Ip = Parameters.Text(reader, "ip", current.Ip, 45),
        ServiceAgreement = reader.GetEnum("service_agreement", "full", "recipient") ?? current.ServiceAgreement,
        UserAgent = Parameters.Text(reader, "user_agent", current.UserAgent, 5000),
    };

    static PayoutSchedule ReadSchedule(ParameterReader reader, PayoutSchedule current)
    {
        var interval = reader.GetEnum("interval", "manual", "daily", "weekly", "monthly") ?? current.Interval;
        var delayDays = ReadDelayDays(reader, current.DelayDays);
        var weekly = reader.GetEnum("weekly_anchor", Weekdays) ?? (interval == "weekly" ? current.WeeklyAnchor : null);
        var monthly = (int?)reader.GetLong("monthly_anchor", 1, 31) ?? (interval == "monthly" ? current.MonthlyAnchor : null);
        if (interval == "weekly" && weekly is null)
        {
            reader.Fail(StripeError.InvalidRequest("A weekly payout schedule needs weekly_anchor.", reader.PathOf("weekly_anchor"), "parameter_missing"));
        }

        if (interval == "monthly" && monthly is null)
        {
            reader.Fail(StripeError.InvalidRequest("A monthly payout schedule needs monthly_anchor.", reader.PathOf("monthly_anchor"), "parameter_missing"));
        }

        return new PayoutSchedule
        {
            Interval = interval,
            DelayDays = delayDays,
            WeeklyAnchor = interval == "weekly" ? weekly : null,
            MonthlyAnchor = interval == "monthly" ? monthly : null,
        };
    }

    /// <summary>A number of days, or <c>minimum</c> for the country's shortest delay (two days here).</summary>
    static int ReadDelayDays(ParameterReader reader, int current)
    {
        if (reader.GetString("delay_days", 10) is not { } text)
        {
            return current;
        }

        if (text == "minimum")
        {
            return 2;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) || days is < 2 or > 365)
        {
            reader.Fail(StripeError.InvalidRequest($"Invalid delay_days: {text}. It must be minimum or 2 to 365.", reader.PathOf("delay_days")));
            return current;
        }

        return days;
    }

    /// <summary>
    /// <c>capabilities[card_payments][requested]=true</c>. A name the country does not offer is refused by name; a
    /// name no country offers is left unread, so that it is refused as an unknown parameter.
    /// </summary>
    static Dictionary<string, DateTimeOffset> ReadCapabilities(ParameterReader reader, AccountRecord current, DateTimeOffset now)
    {
        var result = new Dictionary<string, DateTimeOffset>(current.Capabilities, StringComparer.Ordinal);
        if (reader.GetObject("capabilities") is not { } capabilities)
        {
            return result;
        }

        var spec = CountrySpec.Find(current.Country)!;
        foreach (var name in CountrySpec.AllCapabilities)
        {
            if (capabilities.GetObject(name) is not { } capability)
            {
                continue;
            }

            var requested = capability.GetBoolean("requested");
            if (requested == true && !spec.Capabilities.Contains(name))
            {
                reader.Fail(StripeError.InvalidRequest(
                    $"The {name} capability is not available to accounts in {current.Country}.", capabilities.PathOf(name)));
                continue;
            }

            if (requested == true)
            {
                result.TryAdd(name, now);
            }
            else if (requested == false)
            {
                result.Remove(name);
            }
        }

        return result;
    }
}
