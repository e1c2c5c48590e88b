using System.Collections.Frozen;

namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// Every attribute a rule can name, Radar's names. Amounts: <c>amount</c> in the currency's minor unit as the API
/// shows it; <c>amount_in_eur</c> in euros, as "over €5,000" reads. Velocity counters include the payment being
/// assessed. Each attribute has a fixed slot, resolved when a rule is compiled, so evaluation never looks a name up.
/// </summary>
public static class RuleAttributes
{
    public static readonly AttributeInfo AmountInEur = new("amount_in_eur", AttributeType.Number, 0);
    public static readonly AttributeInfo Amount = new("amount", AttributeType.Number, 1);
    public static readonly AttributeInfo Currency = new("currency", AttributeType.Text, 2);
    public static readonly AttributeInfo CardCountry = new("card_country", AttributeType.Text, 3);
    public static readonly AttributeInfo CardBrand = new("card_brand", AttributeType.Text, 4);
    public static readonly AttributeInfo CardFunding = new("card_funding", AttributeType.Text, 5);
    public static readonly AttributeInfo CardFingerprint = new("card_fingerprint", AttributeType.Text, 6);
    public static readonly AttributeInfo CardBin = new("card_bin", AttributeType.Text, 7);
    public static readonly AttributeInfo IpAddress = new("ip_address", AttributeType.Text, 8);
    public static readonly AttributeInfo IpCountry = new("ip_country", AttributeType.Text, 9);
    public static readonly AttributeInfo Email = new("email", AttributeType.Text, 10);
    public static readonly AttributeInfo EmailDomain = new("email_domain", AttributeType.Text, 11);
    public static readonly AttributeInfo RiskScore = new("risk_score", AttributeType.Number, 12);
    public static readonly AttributeInfo RiskLevel = new("risk_level", AttributeType.Text, 13);
    public static readonly AttributeInfo CvcCheck = new("cvc_check", AttributeType.Text, 14);
    public static readonly AttributeInfo AddressLine1Check = new("address_line1_check", AttributeType.Text, 15);
    public static readonly AttributeInfo AddressZipCheck = new("address_zip_check", AttributeType.Text, 16);
    public static readonly AttributeInfo Is3DSecure = new("is_3d_secure", AttributeType.Flag, 17);
    public static readonly AttributeInfo IsNewCustomer = new("is_new_customer", AttributeType.Flag, 18);
    public static readonly AttributeInfo CustomerId = new("customer_id", AttributeType.Text, 19);
    public static readonly AttributeInfo Destination = new("destination", AttributeType.Text, 20);
    public static readonly AttributeInfo Wallet = new("wallet", AttributeType.Text, 21);
    public static readonly AttributeInfo ChargesPerCardHourly = new("total_charges_per_card_number_hourly", AttributeType.Number, 22);
    public static readonly AttributeInfo ChargesPerCardDaily = new("total_charges_per_card_number_daily", AttributeType.Number, 23);
    public static readonly AttributeInfo ChargesPerEmailHourly = new("total_charges_per_email_hourly", AttributeType.Number, 24);
    public static readonly AttributeInfo ChargesPerEmailDaily = new("total_charges_per_email_daily", AttributeType.Number, 25);
    public static readonly AttributeInfo ChargesPerIpHourly = new("total_charges_per_ip_address_hourly", AttributeType.Number, 26);
    public static readonly AttributeInfo ChargesPerIpDaily = new("total_charges_per_ip_address_daily", AttributeType.Number, 27);

    public static IReadOnlyList<AttributeInfo> All { get; } =
    [
        AmountInEur, Amount, Currency, CardCountry, CardBrand, CardFunding, CardFingerprint, CardBin, IpAddress, IpCountry,
        Email, EmailDomain, RiskScore, RiskLevel, CvcCheck, AddressLine1Check, AddressZipCheck, Is3DSecure, IsNewCustomer,
        CustomerId, Destination, Wallet, ChargesPerCardHourly, ChargesPerCardDaily, ChargesPerEmailHourly, ChargesPerEmailDaily,
        ChargesPerIpHourly, ChargesPerIpDaily,
    ];

    static readonly FrozenDictionary<string, AttributeInfo> ByName = All.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Attribute names are case-insensitive, like the keywords.</summary>
    public static AttributeInfo? Find(string name) => ByName.GetValueOrDefault(name);
}
