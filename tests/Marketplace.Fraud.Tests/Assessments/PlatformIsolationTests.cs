using System.Net;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using Stripe.Radar;

namespace Marketplace.Fraud.Tests.Assessments;

/// <summary>A platform never sees, changes or triggers another platform's rules and lists.</summary>
public sealed class PlatformIsolationTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnotherPlatformsRulesAndLists_AreInvisibleAndNeverDecideItsPayments()
    {
        var owner = TestContexts.NewPlatform();
        var other = TestContexts.NewPlatform();
        var list = await new ValueListService(service.StripeFor(owner)).CreateAsync(
            new ValueListCreateOptions { Alias = "blocked_countries", Name = "Blocked", ItemType = "country" }, cancellationToken: Cancellation);
        var item = await new ValueListItemService(service.StripeFor(owner)).CreateAsync(
            new ValueListItemCreateOptions { ValueList = list.Id, Value = "FR" }, cancellationToken: Cancellation);
        using var ownerClient = service.ClientFor(owner);
        var rule = (await Http.OkAsync(await Http.PostAsync(ownerClient, "/v1/radar/rules", ("rule", "Block if :card_country: IN @blocked_countries")))).Id();
        using var otherClient = service.ClientFor(other);

        await Http.ErrorAsync(await otherClient.GetAsync($"/v1/radar/rules/{rule}", Cancellation), HttpStatusCode.NotFound);
        await Http.ErrorAsync(await otherClient.DeleteAsync($"/v1/radar/rules/{rule}", Cancellation), HttpStatusCode.NotFound);
        await Http.ErrorAsync(await otherClient.GetAsync($"/v1/radar/value_lists/{list.Id}", Cancellation), HttpStatusCode.NotFound);
        await Http.ErrorAsync(await otherClient.GetAsync($"/v1/radar/value_list_items/{item.Id}", Cancellation), HttpStatusCode.NotFound);
        await Http.ErrorAsync(await Http.PostAsync(otherClient, "/v1/radar/value_list_items", ("value_list", list.Id), ("value", "DE")), HttpStatusCode.NotFound);
        Assert.Empty((await Http.OkAsync(await otherClient.GetAsync("/v1/radar/rules", Cancellation))).GetProperty("data").EnumerateArray());
        await Http.ErrorAsync(await Http.PostAsync(otherClient, "/v1/radar/rules", ("rule", "Block if :card_country: IN @blocked_countries")), HttpStatusCode.BadRequest);

        var ownPayment = await service.AssessAsync(Assessor.Payment(owner.PlatformId));
        var otherPayment = await service.AssessAsync(Assessor.Payment(other.PlatformId));

        Assert.Equal("block", ownPayment.Action);
        Assert.Equal("allow", otherPayment.Action);
    }
}
