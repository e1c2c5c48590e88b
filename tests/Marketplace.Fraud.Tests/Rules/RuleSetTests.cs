using Marketplace.Fraud.Rules;
using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Tests.Rules;

/// <summary>Radar's order: Request 3D Secure, then Allow, Block, Review, whatever order the rules were written in.</summary>
public sealed class RuleSetTests
{
    static CompiledRule Rule(string id, string text)
    {
        Assert.True(RuleParser.TryParse(text, out var parsed, out var error), error?.Message);
        return CompiledRule.Compile(id, parsed);
    }

    static PaymentAttributes Payment(bool threeDSecure = false) => new()
    {
        [RuleAttributes.CardCountry] = "US",
        [RuleAttributes.Is3DSecure] = threeDSecure,
    };

    [Theory]
    [InlineData("review,block,allow,3ds", "3ds")]
    [InlineData("review,block,allow", "allow")]
    [InlineData("review,block", "block")]
    [InlineData("review", "review")]
    [InlineData("block,review,3ds,allow", "3ds")]
    public void Decide_SeveralMatchingRules_TheActionFirstInRadarOrderWins(string written, string expected)
    {
        var rules = written.Split(',').Select(action => action switch
        {
            "3ds" => Rule("3ds", "Request 3D Secure if :card_country: = 'US'"),
            "allow" => Rule("allow", "Allow if :card_country: = 'US'"),
            "block" => Rule("block", "Block if :card_country: = 'US'"),
            _ => Rule("review", "Review if :card_country: = 'US'"),
        });

        Assert.Equal(expected, new RuleSet(rules).Decide(Payment(), ValueListSet.Empty)?.Id);
    }

    [Fact]
    public void Decide_AuthenticatedPayment_PassesOverThreeDSecureRulesToTheNextAction()
    {
        var set = new RuleSet([Rule("3ds", "Request 3D Secure if :card_country: = 'US'"), Rule("block", "Block if :card_country: = 'US'")]);

        Assert.Equal("block", set.Decide(Payment(threeDSecure: true), ValueListSet.Empty)?.Id);
    }

    [Fact]
    public void Decide_SameAction_TheFirstGivenWins()
    {
        var set = new RuleSet([Rule("first", "Block if :card_country: = 'US'"), Rule("second", "Block if :card_country: = 'US'")]);

        Assert.Equal("first", set.Decide(Payment(), ValueListSet.Empty)?.Id);
    }

    [Fact]
    public void Decide_NothingMatches_IsNull()
    {
        var set = new RuleSet([Rule("block", "Block if :card_country: = 'FR'")]);

        Assert.Null(set.Decide(Payment(), ValueListSet.Empty));
    }
}
