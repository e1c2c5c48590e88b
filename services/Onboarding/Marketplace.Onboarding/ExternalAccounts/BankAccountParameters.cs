using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;
using Marketplace.Api.Money;
using Marketplace.Onboarding.Secrets;

namespace Marketplace.Onboarding.ExternalAccounts;

/// <summary>
/// Reads <c>external_account</c>: a hash (<c>external_account[object]=bank_account</c>, <c>[country]</c>,
/// <c>[currency]</c>, <c>[routing_number]</c>, <c>[account_number]</c>…) or one of Stripe's test bank tokens. The
/// number is validated, sealed and fingerprinted here and goes no further in clear.
/// </summary>
internal static class BankAccountParameters
{
    const string Name = "external_account";

    /// <summary>Stripe's test bank account tokens, as the US test numbers they stand for.</summary>
    static readonly Dictionary<string, string> TestTokens = new(StringComparer.Ordinal)
    {
        ["btok_us_verified"] = "000123456789",
        ["btok_us_verified_noAccount"] = "000111111116",
        ["btok_us_verified_accountClosed"] = "000111111113",
        ["btok_us_verified_insufficientFunds"] = "000222222227",
    };

    public static NewBankAccount? Read(
        ParameterReader reader, string accountCountry, string defaultCurrency, SecretSealer sealer, bool required, bool defaultForCurrency = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.Has(Name))
        {
            if (required)
            {
                reader.Fail(StripeError.InvalidRequest("Missing required param: external_account.", Name, "parameter_missing"));
            }

            return null;
        }

        if (!reader.IsHash(Name))
        {
            var token = reader.GetString(Name, 200);
            if (token is null || !TestTokens.TryGetValue(token, out var testNumber))
            {
                reader.Fail(StripeError.InvalidRequest($"No such token: '{token}'", Name, "resource_missing"));
                return null;
            }

            return Seal(new BankAccountNumber("US", testNumber, "110000000"), "usd", null, "individual", defaultForCurrency, new Dictionary<string, string>(), sealer);
        }

        var hash = reader.GetObject(Name)!;
        hash.GetRequiredEnum("object", "bank_account");
        var country = hash.GetString("country", 2)?.ToUpperInvariant();
        var currency = Currencies.Read(hash) ?? defaultCurrency;
        var routing = hash.GetString("routing_number", 40);
        var number = hash.GetRequiredString("account_number", 64);
        var holderName = hash.GetString("account_holder_name", 200);
        var holderType = hash.GetEnum("account_holder_type", "individual", "company");
        var metadata = MetadataUpdate.Read(hash);
        if (reader.Failed || number.Length == 0)
        {
            return null;
        }

        if (!BankAccountNumber.TryParse(accountCountry, country, routing, number, out var parsed, out var error))
        {
            reader.Fail(error);
            return null;
        }

        if (BankAccountNumber.UsesIban(accountCountry) && parsed.RoutingNumber is not null)
        {
            reader.Fail(StripeError.InvalidRequest(
                $"Bank accounts in {accountCountry} are paid out by SEPA: give an IBAN as external_account[account_number].", Name, "invalid_bank_account_iban"));
            return null;
        }

        metadata.TryApply(new Dictionary<string, string>(), out var applied, out _);
        return Seal(parsed, currency, holderName, holderType, defaultForCurrency, applied ?? new Dictionary<string, string>(), sealer);
    }

    static NewBankAccount Seal(
        BankAccountNumber number, string currency, string? holderName, string? holderType, bool defaultForCurrency,
        IReadOnlyDictionary<string, string> metadata, SecretSealer sealer) =>
        new(number.Country, currency, number.Last4, number.RoutingNumber, sealer.Fingerprint(number.Identity), sealer.Seal(number.Number),
            holderName, holderType, defaultForCurrency, metadata);
}
