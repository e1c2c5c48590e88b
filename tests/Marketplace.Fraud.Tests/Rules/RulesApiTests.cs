using System.Net;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using Stripe.Radar;

namespace Marketplace.Fraud.Tests.Rules;

/// <summary><c>/v1/radar/rules</c>: rules in Stripe's style, refused with the parser's positioned message.</summary>
public sealed class RulesApiTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ValidRule_AnswersTheRadarRuleObject()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        await new ValueListService(service.StripeFor(context)).CreateAsync(
            new ValueListCreateOptions { Alias = "eu_countries", Name = "EU", ItemType = "country" }, cancellationToken: Cancellation);

        var rule = await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules",
            ("rule", "Block if :card_country: NOT IN @eu_countries"), ("description", "EU only")));

        Assert.StartsWith("rule_", rule.Id(), StringComparison.Ordinal);
        Assert.Equal("radar.rule", rule.Text("object"));
        Assert.Equal("block", rule.Text("action"));
        Assert.Equal(":card_country: NOT IN @eu_countries", rule.Text("predicate"));
        Assert.Equal("EU only", rule.Text("description"));
        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.True(rule.GetProperty("created").GetInt64() > 0);

        var retrieved = await Http.OkAsync(await client.GetAsync($"/v1/radar/rules/{rule.Id()}", Cancellation));
        Assert.Equal(rule.ToString(), retrieved.ToString());
    }

    [Fact]
    public async Task Create_RuleThatDoesNotParse_Is400OnRuleNamingTheColumn()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Block if :card_country: = ")), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal("rule", error.Text("param"));
        Assert.Contains("column 27", error.Text("message"), StringComparison.Ordinal);
        Assert.Contains("expected a quoted string", error.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RuleNamingAnUnknownValueList_Is400OnRule()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(
            await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Block if :card_country: IN @nowhere")), HttpStatusCode.BadRequest);

        Assert.Equal("rule", error.Text("param"));
        Assert.Contains("@nowhere", error.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateListDelete_OwnRule_BehaveLikeAStripeResource()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var first = (await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Review if :amount_in_eur: > 5000 AND :is_new_customer:")))).Id();
        var second = (await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Request 3D Secure if :risk_score: >= 65")))).Id();

        var updated = await Http.OkAsync(await Http.PostAsync(client, $"/v1/radar/rules/{first}", ("rule", "Block if :amount_in_eur: > 9000"), ("enabled", "false")));
        Assert.Equal("block", updated.Text("action"));
        Assert.Equal(":amount_in_eur: > 9000", updated.Text("predicate"));
        Assert.False(updated.GetProperty("enabled").GetBoolean());

        var list = await Http.OkAsync(await client.GetAsync("/v1/radar/rules", Cancellation));
        Assert.Equal([second, first], list.GetProperty("data").EnumerateArray().Select(rule => rule.Id()));
        Assert.Equal("request_3ds", list.GetProperty("data")[0].Text("action"));

        var deleted = await Http.OkAsync(await client.DeleteAsync($"/v1/radar/rules/{first}", Cancellation));
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        await Http.ErrorAsync(await client.GetAsync($"/v1/radar/rules/{first}", Cancellation), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retrieve_BuiltInRule_ShowsItButRefusesChanges()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var rule = await Http.OkAsync(await client.GetAsync("/v1/radar/rules/rule_default_highest_risk_level", Cancellation));
        Assert.Equal(":risk_level: = 'highest'", rule.Text("predicate"));

        await Http.ErrorAsync(await client.DeleteAsync("/v1/radar/rules/rule_default_highest_risk_level", Cancellation), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeleteValueList_UsedByARule_IsRefused()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var lists = new ValueListService(service.StripeFor(context));
        var list = await lists.CreateAsync(new ValueListCreateOptions { Alias = "used", Name = "Used", ItemType = "email" }, cancellationToken: Cancellation);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Block if :email: IN @used")));

        var error = await Assert.ThrowsAsync<Stripe.StripeException>(() => lists.DeleteAsync(list.Id, cancellationToken: Cancellation));

        Assert.Contains("used by a rule", error.StripeError.Message, StringComparison.Ordinal);
    }
}
