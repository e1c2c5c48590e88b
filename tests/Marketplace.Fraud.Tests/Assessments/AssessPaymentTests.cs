using System.Net;
using Dapper;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using Stripe.Radar;

namespace Marketplace.Fraud.Tests.Assessments;

/// <summary>The assessment over RabbitMQ: rules in Radar's order, test cards, replays, explanations.</summary>
public sealed class AssessPaymentTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assess_EuRule_BlocksAUsCardAndAllowsAFrenchOne()
    {
        var context = TestContexts.NewPlatform();
        var stripe = service.StripeFor(context);
        var list = await new ValueListService(stripe).CreateAsync(
            new ValueListCreateOptions { Alias = "eu_countries", Name = "EU", ItemType = "country" }, cancellationToken: Cancellation);
        foreach (var country in new[] { "FR", "BE", "DE" })
        {
            await new ValueListItemService(stripe).CreateAsync(new ValueListItemCreateOptions { ValueList = list.Id, Value = country }, cancellationToken: Cancellation);
        }

        using var client = service.ClientFor(context);
        var rule = await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Block if :card_country: NOT IN @eu_countries")));

        var us = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardCountry = "US" });
        var fr = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardCountry = "FR" });

        Assert.Equal("block", us.Action);
        Assert.Equal(rule.Id(), us.Rule?.Id);
        Assert.Equal(":card_country: NOT IN @eu_countries", us.Rule?.Predicate);
        Assert.Equal(("blocked", "rule"), (us.Outcome.Type, us.Outcome.Reason));
        Assert.Equal("not_sent_to_network", us.Outcome.NetworkStatus);
        Assert.Equal("allow", fr.Action);
        Assert.Null(fr.Rule);
        Assert.Equal("authorized", fr.Outcome.Type);
    }

    [Fact]
    public async Task Assess_RadarBlockTestCard_IsBlockedAtTheHighestRiskLevelEvenWithAnAllowRule()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Allow if :card_country: = 'FR'")));

        var answer = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardBin = "410000", CardLast4 = "0019" });

        Assert.Equal("block", answer.Action);
        Assert.Equal("highest", answer.RiskLevel);
        Assert.Equal(("blocked", "highest_risk_level"), (answer.Outcome.Type, answer.Outcome.Reason));
        Assert.Contains(answer.Factors, factor => factor.Name == "test_card");
    }

    [Fact]
    public async Task Assess_HighestRiskTestCard_IsBlockedByTheBuiltInRuleUnlessAnAllowRuleMatches()
    {
        var context = TestContexts.NewPlatform();
        var blocked = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardBin = "400000", CardLast4 = "4954" });
        using var client = service.ClientFor(context);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Allow if :email_domain: = 'example.com'")));
        var allowed = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardBin = "400000", CardLast4 = "4954" });

        Assert.Equal(("block", "rule_default_highest_risk_level"), (blocked.Action, blocked.Rule?.Id));
        Assert.Equal(("blocked", "highest_risk_level"), (blocked.Outcome.Type, blocked.Outcome.Reason));
        Assert.Equal("allow", allowed.Action);
        Assert.Equal("highest", allowed.RiskLevel);
    }

    [Fact]
    public async Task Assess_ElevatedRiskTestCard_ScoresElevatedAndIsAllowedWithoutRules()
    {
        var answer = await service.AssessAsync(Assessor.Payment(TestContexts.NewPlatform().PlatformId) with { CardBin = "400000", CardLast4 = "9235" });

        Assert.Equal("elevated", answer.RiskLevel);
        Assert.InRange(answer.RiskScore, 65, 74);
        Assert.Equal("allow", answer.Action);
    }

    [Fact]
    public async Task Assess_RiskyPayment_IsExplainedByItsFactorsLargestFirst()
    {
        var answer = await service.AssessAsync(Assessor.Payment(TestContexts.NewPlatform().PlatformId) with
        {
            CardCountry = "US", CvcCheck = "fail", CardFunding = "prepaid", CustomerId = "cus_new", Amount = 250000,
        });

        Assert.Equal(["cvc_check_failed", "card_ip_country_mismatch", "large_first_payment", "prepaid_card", "new_customer"],
            answer.Factors.Select(factor => factor.Name));
        Assert.Equal(5 + 30 + 20 + 10 + 10 + 8, answer.RiskScore);
        Assert.Equal("highest", answer.RiskLevel);
        Assert.Equal("rule_default_highest_risk_level", answer.Rule?.Id);
    }

    [Fact]
    public async Task Assess_ReviewRuleOnMetadataAndNewCustomer_ReviewsTheFirstLargeOrderOnly()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Review if :amount_in_eur: > 5000 AND :is_new_customer:")));
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Block if ::order_channel:: = 'b2b-test'")));

        var first = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CustomerId = "cus_retailer", Amount = 600000 });
        var second = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CustomerId = "cus_retailer", Amount = 600000 });
        var test = await service.AssessAsync(Assessor.Payment(context.PlatformId) with
        {
            Metadata = new Dictionary<string, string> { ["order_channel"] = "b2b-test" },
        });

        Assert.Equal(("review", "manual_review"), (first.Action, first.Outcome.Type));
        Assert.Equal("allow", second.Action);
        Assert.Equal("block", test.Action);
    }

    [Fact]
    public async Task Assess_AfterTheRulesOrListsChange_DecidesWithTheNewOnesAtOnce()
    {
        var context = TestContexts.NewPlatform();
        var stripe = service.StripeFor(context);
        var list = await new ValueListService(stripe).CreateAsync(
            new ValueListCreateOptions { Alias = "watched_emails", Name = "Watched", ItemType = "email" }, cancellationToken: Cancellation);
        using var client = service.ClientFor(context);
        var rule = (await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Block if :email: IN @watched_emails")))).Id();

        var beforeItem = await service.AssessAsync(Assessor.Payment(context.PlatformId));
        await new ValueListItemService(stripe).CreateAsync(
            new ValueListItemCreateOptions { ValueList = list.Id, Value = "Jenny@Example.com" }, cancellationToken: Cancellation);
        var afterItem = await service.AssessAsync(Assessor.Payment(context.PlatformId));
        await Http.OkAsync(await Http.PostAsync(client, $"/v1/radar/rules/{rule}", ("enabled", "false")));
        var afterDisable = await service.AssessAsync(Assessor.Payment(context.PlatformId));

        Assert.Equal(["allow", "block", "allow"], new[] { beforeItem.Action, afterItem.Action, afterDisable.Action });
    }

    [Fact]
    public async Task Assess_SamePaymentTwice_AnswersTheFirstAssessmentAndCountsOnce()
    {
        var context = TestContexts.NewPlatform();
        var request = Assessor.Payment(context.PlatformId);

        var first = await service.AssessAsync(request);
        var again = await service.AssessAsync(request);

        Assert.Equal(first.AssessmentId, again.AssessmentId);
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        var counted = await connection.ExecuteScalarAsync<long>(
            "SELECT sum(count) FROM velocity_counts WHERE platform_id = @platformId AND dimension = 'CardFingerprint'", new { platformId = context.PlatformId });
        Assert.Equal(1, counted);
    }
}
