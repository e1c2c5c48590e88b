using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Benchmarks.Fraud;

/// <summary>
/// Fifty rules of the kinds a B2B marketplace writes (country lists, thresholds, velocity, LIKE on emails, metadata,
/// value lists, attribute against attribute), and a plain payment none of them matches, so that every evaluation
/// runs all fifty: the worst case for the rule engine.
/// </summary>
static class BenchmarkRules
{
    public static IReadOnlyList<string> Texts { get; } = [.. Enumerable.Range(0, 50).Select(Text)];

    static string Text(int i) => (i % 10) switch
    {
        0 => FormattableString.Invariant($"Block if :card_country: IN ('KP', 'IR', 'SY', 'CU', 'X{i}') AND :amount_in_eur: > {1000 + i}"),
        1 => FormattableString.Invariant($"Review if :amount_in_eur: > {5000 + i * 100} AND :is_new_customer:"),
        2 => FormattableString.Invariant($"Block if :email: LIKE '%@spam{i}.example'"),
        3 => FormattableString.Invariant($"Review if :total_charges_per_card_number_hourly: > {5 + i} OR :total_charges_per_email_daily: > {20 + i}"),
        4 => FormattableString.Invariant($"Block if :ip_address: IN @blocked_ips_{i % 3}"),
        5 => FormattableString.Invariant($"Allow if :customer_id: = 'cus_vip_{i}' AND :card_country: IN @eu_countries"),
        6 => FormattableString.Invariant($"Block if ::order_channel:: = 'test-{i}' AND :card_funding: = 'prepaid'"),
        7 => FormattableString.Invariant($"Review if :card_country: != :ip_country: AND :amount_in_eur: > {2000 + i * 10}"),
        8 => FormattableString.Invariant($"Request 3D Secure if :risk_score: >= {90 + (i % 10)} AND NOT :is_3d_secure:"),
        _ => FormattableString.Invariant($"Block if :card_fingerprint: IN @blocked_cards_{i % 3} OR is_missing(:cvc_check:)"),
    };

    public static IReadOnlyList<string> ValueListAliases { get; } =
        ["blocked_ips_0", "blocked_ips_1", "blocked_ips_2", "blocked_cards_0", "blocked_cards_1", "blocked_cards_2", "eu_countries"];

    /// <summary>The lists with a thousand items each (the EU list with its members).</summary>
    public static ValueListSet Lists() => new(ValueListAliases.ToDictionary(
        alias => alias,
        alias => alias == "eu_countries"
            ? new ValueListContents("country", ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"])
            : new ValueListContents(alias.StartsWith("blocked_ips", StringComparison.Ordinal) ? "ip_address" : "card_fingerprint",
                Enumerable.Range(0, 1000).Select(n => alias.StartsWith("blocked_ips", StringComparison.Ordinal) ? $"10.{n / 250}.{n % 250}.1" : $"fp_blocked_{alias}_{n}"))));

    public static PaymentAttributes Payment() => new()
    {
        [RuleAttributes.AmountInEur] = 120.0,
        [RuleAttributes.Amount] = 12000.0,
        [RuleAttributes.Currency] = "eur",
        [RuleAttributes.CardCountry] = "FR",
        [RuleAttributes.CardBrand] = "visa",
        [RuleAttributes.CardFunding] = "credit",
        [RuleAttributes.CardFingerprint] = "fp_8f2k1Lq0",
        [RuleAttributes.CardBin] = "497010",
        [RuleAttributes.IpAddress] = "203.0.113.7",
        [RuleAttributes.IpCountry] = "FR",
        [RuleAttributes.Email] = "buyer@retailer.example",
        [RuleAttributes.EmailDomain] = "retailer.example",
        [RuleAttributes.RiskScore] = 23.0,
        [RuleAttributes.RiskLevel] = "normal",
        [RuleAttributes.CvcCheck] = "pass",
        [RuleAttributes.AddressLine1Check] = "pass",
        [RuleAttributes.AddressZipCheck] = "pass",
        [RuleAttributes.Is3DSecure] = false,
        [RuleAttributes.IsNewCustomer] = false,
        [RuleAttributes.CustomerId] = "cus_regular",
        [RuleAttributes.ChargesPerCardHourly] = 1.0,
        [RuleAttributes.ChargesPerCardDaily] = 2.0,
        [RuleAttributes.ChargesPerEmailHourly] = 1.0,
        [RuleAttributes.ChargesPerEmailDaily] = 3.0,
        [RuleAttributes.ChargesPerIpHourly] = 1.0,
        [RuleAttributes.ChargesPerIpDaily] = 4.0,
        Metadata = new Dictionary<string, string> { ["order_channel"] = "web", ["po_number"] = "PO-1234" },
    };
}
