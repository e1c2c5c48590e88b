using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Tests.Rules.Language;

public sealed class RuleParserTests
{
    public static TheoryData<string> IssueExamples =>
    [
        "Block if :card_country: NOT IN @eu_countries",
        "Review if :amount_in_eur: > 5000 AND :is_new_customer:",
        "Request 3D Secure if :risk_score: >= 65",
        "Allow if :email_domain: = 'trusted.example'",
        "Block if ::order_channel:: = 'b2b-test'",
        "Block if :card_country: IN ('FR', 'BE')",
        "Review if is_missing(:ip_country:)",
        "Block if :email: LIKE '%@mailinator.%'",
        "Review if :email: INCLUDES 'fraud'",
        "Block if :risk_level: = 'highest'",
        "Block if :card_fingerprint: IN @block_list_card_fingerprint",
        "Review if :total_charges_per_card_number_hourly: > 3 OR :total_charges_per_email_daily: > 10",
        "Block if :total_charges_per_ip_address_hourly: > 20",
        "Block if NOT (:card_country: = :ip_country:) AND :amount: >= 100000",
        "Allow if :customer_id: = 'cus_123' AND :is_3d_secure: = true",
        "Review if :cvc_check: != 'pass' OR :address_zip_check: = 'fail' OR :address_line1_check: = 'fail'",
        "Block if :card_funding: = 'prepaid' AND :card_brand: IN ('visa', 'mastercard') AND :currency: = 'eur'",
        "Review if :destination: = 'acct_1' AND :wallet: = 'apple_pay' AND :ip_address: = '1.2.3.4'",
    ];

    [Theory]
    [MemberData(nameof(IssueExamples))]
    public void Parse_IssueExample_RoundTripsThroughItsCanonicalText(string text)
    {
        Assert.True(RuleParser.TryParse(text, out var rule, out var error), error?.Message);
        var canonical = rule.ToText();

        Assert.True(RuleParser.TryParse(canonical, out var again, out error), error?.Message);
        Assert.Equal(canonical, again.ToText());
        Assert.Equal(rule.Action, again.Action);
    }

    [Fact]
    public void Parse_KeywordsInAnyCase_ReadTheSame()
    {
        Assert.True(RuleParser.TryParse("rEqUeSt 3d sEcUrE iF :RISK_SCORE: >= 65 and not :is_3d_secure: Or :amount: in (1, 2)", out var rule, out var error), error?.Message);

        Assert.Equal(RuleAction.RequestThreeDSecure, rule.Action);
        Assert.Equal(":risk_score: >= 65 AND NOT :is_3d_secure: OR :amount: IN (1, 2)", RuleFormatter.Format(rule.Condition));
    }

    [Fact]
    public void Parse_Rule_KeepsThePredicateAsWritten()
    {
        Assert.True(RuleParser.TryParse("Block if  :card_country: NOT IN @eu_countries  ", out var rule, out _));

        Assert.Equal(RuleAction.Block, rule.Action);
        Assert.Equal(":card_country: NOT IN @eu_countries", rule.Predicate);
        Assert.Equal(["eu_countries"], rule.ValueListAliases);
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr_NotTighterThanAnd()
    {
        Assert.True(RuleParser.TryParse("Block if :is_new_customer: OR :is_3d_secure: AND NOT :is_new_customer:", out var rule, out _));

        var or = Assert.IsType<OrNode>(rule.Condition);
        var and = Assert.IsType<AndNode>(or.Right);
        Assert.IsType<NotNode>(and.Right);
    }

    [Theory]
    [InlineData("Block :card_country: = 'US'", 1, 7, "'if'")]
    [InlineData("Deny if :card_country: = 'US'", 1, 1, "an action")]
    [InlineData("Block if :card_country: = ", 1, 27, "a quoted string")]
    [InlineData("Block if :card_countr: = 'US'", 1, 10, "a known attribute")]
    [InlineData("Block if :card_country: > 5", 1, 25, "an operator that applies")]
    [InlineData("Block if :amount: = 'US'", 1, 21, "a number")]
    [InlineData("Block if :card_country: = 'US", 1, 30, "' to close the string")]
    [InlineData("Block if (:is_new_customer:", 1, 28, "')'")]
    [InlineData("Block if :card_country:", 1, 24, "one of =, !=")]
    [InlineData("Block if :card_country: IN ('FR' 'BE')", 1, 34, "',' or ')'")]
    [InlineData("Block if :amount: IN @list", 1, 22, "a list of numbers")]
    [InlineData("Block if\n  :card_country: == 'US'", 2, 19, "a quoted string")]
    [InlineData("Request 3D if :risk_score: > 1", 1, 12, "'Secure'")]
    [InlineData("Block if :is_new_customer: :is_3d_secure:", 1, 28, "AND, OR or the end")]
    [InlineData("Block if :card_country: = 'US' #", 1, 32, "an attribute, a value")]
    [InlineData("Block if ::order: = 'x'", 1, 17, "'::' to close")]
    public void Parse_InvalidRule_FailsWithTheLineColumnAndWhatWasExpected(string text, int line, int column, string expected)
    {
        Assert.False(RuleParser.TryParse(text, out _, out var error));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
        Assert.Contains($"line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedParentheses_FailsWithAPositionedError()
    {
        var text = "Block if " + new string('(', 1_000) + ":is_new_customer:" + new string(')', 1_000);

        Assert.False(RuleParser.TryParse(text, out _, out var error));
        Assert.Contains("nested", error.Expected, StringComparison.Ordinal);
        Assert.Equal(10 + RuleParser.MaxDepth, error.Column);
    }

    [Fact]
    public void Parse_LongerThanTheLimit_FailsWithoutReadingIt()
    {
        Assert.False(RuleParser.TryParse("Block if " + new string('(', 1_000_000), out _, out var error));
        Assert.Equal(RuleParser.MaxLength + 1, error.Column);
    }

    [Fact]
    public void Parse_HundredsOfNots_FailsOnNestingInsteadOfOverflowingTheStack()
    {
        var text = "Block if " + string.Concat(Enumerable.Repeat("NOT ", 900)) + ":is_new_customer:";

        Assert.False(RuleParser.TryParse(text, out _, out var error));
        Assert.Contains("nested", error.Expected, StringComparison.Ordinal);
    }
}
