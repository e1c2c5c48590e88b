using System.Net;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Fraud.Tests.Rules;

/// <summary><c>POST /v1/radar/rules/test</c>: a candidate rule against the platform's own assessed payments.</summary>
public sealed class RuleTestApiTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Test_CandidateRule_CountsAndTotalsThePaymentsItWouldHaveMatched()
    {
        var context = TestContexts.NewPlatform();
        var usOne = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardCountry = "US", Amount = 10_000, Currency = "usd" });
        await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardCountry = "FR", Amount = 5_000 });
        var usTwo = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardCountry = "US", Amount = 20_000, Currency = "usd" });
        await service.AssessAsync(Assessor.Payment(TestContexts.NewPlatform().PlatformId) with { CardCountry = "US" });
        using var client = service.ClientFor(context);

        var test = await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules/test", ("rule", "Block if :card_country: != :ip_country:")));

        Assert.Equal("radar.rule_test", test.Text("object"));
        Assert.Equal(3, test.GetProperty("evaluated_count").GetInt32());
        Assert.Equal(2, test.GetProperty("matched_count").GetInt32());
        var amount = Assert.Single(test.GetProperty("matched_amounts").EnumerateArray());
        Assert.Equal(("usd", 30_000L), (amount.Text("currency"), amount.GetProperty("amount").GetInt64()));
        Assert.Equal(276.0, test.GetProperty("matched_amount_in_eur").GetDouble());
        Assert.Equal([usTwo.PaymentId, usOne.PaymentId], test.GetProperty("matched_payments").EnumerateArray().Select(p => p.Text("payment")));
        Assert.Empty((await Http.OkAsync(await client.GetAsync("/v1/radar/rules", Cancellation))).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Test_RuleThatDoesNotParse_Is400OnRule()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/radar/rules/test", ("rule", "Block if :amount: > 'x'")), HttpStatusCode.BadRequest);

        Assert.Equal("rule", error.Text("param"));
    }
}
