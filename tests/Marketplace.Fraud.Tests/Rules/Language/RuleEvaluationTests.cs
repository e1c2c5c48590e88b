using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Tests.Rules.Language;

/// <summary>Every operator on every kind of attribute, missing attributes, and precedence, against one known payment.</summary>
public sealed class RuleEvaluationTests
{
    static readonly ValueListSet Lists = new(new Dictionary<string, ValueListContents>
    {
        ["eu_countries"] = new("country", ["FR", "BE", "DE"]),
        ["vip_codes"] = new("case_sensitive_string", ["AbC"]),
        ["emails"] = new("email", ["Jenny@Example.com"]),
    });

    static PaymentAttributes Payment() => new()
    {
        [RuleAttributes.AmountInEur] = 6000.0,
        [RuleAttributes.Amount] = 650000.0,
        [RuleAttributes.Currency] = "usd",
        [RuleAttributes.CardCountry] = "US",
        [RuleAttributes.CardBrand] = "visa",
        [RuleAttributes.CardFunding] = "credit",
        [RuleAttributes.CardFingerprint] = "fp_123",
        [RuleAttributes.CardBin] = "424242",
        [RuleAttributes.IpAddress] = "1.2.3.4",
        [RuleAttributes.IpCountry] = "FR",
        [RuleAttributes.Email] = "jenny@example.com",
        [RuleAttributes.EmailDomain] = "example.com",
        [RuleAttributes.RiskScore] = 42.0,
        [RuleAttributes.RiskLevel] = "normal",
        [RuleAttributes.CvcCheck] = "pass",
        [RuleAttributes.AddressLine1Check] = "unavailable",
        [RuleAttributes.AddressZipCheck] = "fail",
        [RuleAttributes.Is3DSecure] = false,
        [RuleAttributes.IsNewCustomer] = true,
        [RuleAttributes.CustomerId] = "cus_1",
        [RuleAttributes.Destination] = "acct_seller",
        [RuleAttributes.Wallet] = "apple_pay",
        [RuleAttributes.ChargesPerCardHourly] = 3.0,
        [RuleAttributes.ChargesPerCardDaily] = 5.0,
        [RuleAttributes.ChargesPerEmailHourly] = 1.0,
        [RuleAttributes.ChargesPerEmailDaily] = 12.0,
        [RuleAttributes.ChargesPerIpHourly] = 7.0,
        [RuleAttributes.ChargesPerIpDaily] = 8.0,
        Metadata = new Dictionary<string, string> { ["order_channel"] = "b2b-test", ["items"] = "12", ["gift"] = "true" },
    };

    [Theory]
    // = and != on each type; strings regardless of case
    [InlineData(":card_country: = 'US'", true)]
    [InlineData(":card_country: = 'us'", true)]
    [InlineData(":card_country: = 'FR'", false)]
    [InlineData(":card_country: != 'FR'", true)]
    [InlineData(":card_country: != 'US'", false)]
    [InlineData(":amount: = 650000", true)]
    [InlineData(":amount: != 650000", false)]
    [InlineData(":is_new_customer: = true", true)]
    [InlineData(":is_3d_secure: != false", false)]
    // ordering
    [InlineData(":amount_in_eur: > 5000", true)]
    [InlineData(":amount_in_eur: > 6000", false)]
    [InlineData(":amount_in_eur: >= 6000", true)]
    [InlineData(":amount_in_eur: < 6000", false)]
    [InlineData(":amount_in_eur: <= 6000", true)]
    [InlineData(":risk_score: < 42.5", true)]
    [InlineData(":risk_score: >= -1", true)]
    // lists and value lists
    [InlineData(":card_country: IN ('FR', 'BE')", false)]
    [InlineData(":card_country: IN ('fr', 'us')", true)]
    [InlineData(":card_country: NOT IN ('FR', 'BE')", true)]
    [InlineData(":amount: IN (1, 650000)", true)]
    [InlineData(":card_country: NOT IN @eu_countries", true)]
    [InlineData(":ip_country: IN @eu_countries", true)]
    [InlineData(":ip_country: IN @no_such_list", false)]
    [InlineData(":email: IN @emails", true)]
    [InlineData("::order_channel:: IN @vip_codes", false)]
    // INCLUDES and LIKE
    [InlineData(":email: INCLUDES 'EXAMPLE'", true)]
    [InlineData(":email: INCLUDES 'fraud'", false)]
    [InlineData(":email: LIKE '%@example.com'", true)]
    [InlineData(":email: LIKE 'jenny%'", true)]
    [InlineData(":email: LIKE 'j%y@%.com'", true)]
    [InlineData(":email: LIKE '%@example.org'", false)]
    [InlineData(":email: LIKE 'jenny'", false)]
    [InlineData(":email: NOT LIKE '%@example.org'", true)]
    // attribute against attribute
    [InlineData(":card_country: = :ip_country:", false)]
    [InlineData(":card_country: != :ip_country:", true)]
    [InlineData(":total_charges_per_ip_address_hourly: > :total_charges_per_card_number_hourly:", true)]
    // metadata: text, compared with numbers and booleans by value
    [InlineData("::order_channel:: = 'b2b-test'", true)]
    [InlineData("::order_channel:: = 'B2B-TEST'", true)]
    [InlineData("::items:: > 10", true)]
    [InlineData("::items:: = 12", true)]
    [InlineData("::gift:: = true", true)]
    [InlineData("::order_channel:: > 10", false)]
    // booleans on their own, is_missing
    [InlineData(":is_new_customer:", true)]
    [InlineData(":is_3d_secure:", false)]
    [InlineData("NOT :is_3d_secure:", true)]
    [InlineData("is_missing(:card_country:)", false)]
    [InlineData("is_missing(::absent::)", true)]
    // every remaining attribute once
    [InlineData(":card_brand: = 'visa' AND :card_funding: = 'credit' AND :card_fingerprint: = 'fp_123' AND :card_bin: = '424242'", true)]
    [InlineData(":ip_address: = '1.2.3.4' AND :email_domain: = 'example.com' AND :risk_level: = 'normal' AND :currency: = 'usd'", true)]
    [InlineData(":cvc_check: = 'pass' AND :address_line1_check: = 'unavailable' AND :address_zip_check: = 'fail'", true)]
    [InlineData(":customer_id: = 'cus_1' AND :destination: = 'acct_seller' AND :wallet: = 'apple_pay'", true)]
    [InlineData(":total_charges_per_card_number_daily: = 5 AND :total_charges_per_email_hourly: = 1 AND :total_charges_per_email_daily: = 12 AND :total_charges_per_ip_address_daily: = 8", true)]
    // precedence: AND over OR, NOT over AND, parentheses over all
    [InlineData(":is_new_customer: OR :is_3d_secure: AND :is_3d_secure:", true)]
    [InlineData("(:is_new_customer: OR :is_3d_secure:) AND :is_3d_secure:", false)]
    [InlineData("NOT :is_new_customer: AND :is_3d_secure:", false)]
    [InlineData("NOT (:is_new_customer: AND :is_3d_secure:)", true)]
    [InlineData("NOT :is_3d_secure: OR :is_3d_secure:", true)]
    [InlineData(":is_3d_secure: AND :is_3d_secure: OR :is_new_customer: AND :is_new_customer:", true)]
    public void Evaluate_PredicateOnKnownPayment_MatchesAsExpected(string predicate, bool expected)
    {
        Assert.Equal(expected, Evaluate(predicate, Payment()));
    }

    [Theory]
    [InlineData(":card_country: = 'US'")]
    [InlineData(":card_country: != 'US'")]
    [InlineData(":card_country: IN ('US')")]
    [InlineData(":card_country: NOT IN ('US')")]
    [InlineData(":card_country: IN @eu_countries")]
    [InlineData(":card_country: NOT IN @eu_countries")]
    [InlineData(":amount_in_eur: > 0")]
    [InlineData(":amount_in_eur: <= 0")]
    [InlineData(":email: INCLUDES ''")]
    [InlineData(":email: LIKE '%'")]
    [InlineData(":email: NOT LIKE 'x'")]
    [InlineData(":is_new_customer:")]
    [InlineData(":is_new_customer: = false")]
    [InlineData(":card_country: = :ip_country:")]
    [InlineData(":card_country: != :ip_country:")]
    [InlineData("::order_channel:: = 'b2b-test'")]
    [InlineData("::order_channel:: != 'b2b-test'")]
    public void Evaluate_ComparisonOnMissingAttribute_IsFalse(string predicate)
    {
        Assert.False(Evaluate(predicate, new PaymentAttributes()));
    }

    [Fact]
    public void Evaluate_MissingOnOneSideOfAnAttributeComparison_IsFalse()
    {
        var payment = new PaymentAttributes { [RuleAttributes.CardCountry] = "US" };

        Assert.False(Evaluate(":card_country: != :ip_country:", payment));
        Assert.True(Evaluate("is_missing(:ip_country:) AND NOT is_missing(:card_country:)", payment));
    }

    [Fact]
    public void Evaluate_CaseSensitiveValueList_MatchesOnlyTheExactCase()
    {
        var payment = new PaymentAttributes { Metadata = new Dictionary<string, string> { ["code"] = "AbC" } };

        Assert.True(Evaluate("::code:: IN @vip_codes", payment));
        Assert.False(Evaluate("::code:: IN @vip_codes", new PaymentAttributes { Metadata = new Dictionary<string, string> { ["code"] = "abc" } }));
    }

    static bool Evaluate(string predicate, PaymentAttributes payment)
    {
        Assert.True(RuleParser.TryParsePredicate(RuleAction.Block, predicate, out var rule, out var error), error?.Message);
        return RuleCompiler.Compile(rule.Condition)(payment, Lists);
    }
}
