using System.Net;
using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Data;
using Marketplace.Testing;
using Marketplace.Webhooks.Tests.Support;

namespace Marketplace.Webhooks.Tests.Events;

public sealed class EventsApiTests(WebhooksFixture fixture) : IClassFixture<WebhooksFixture>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_IsNewestFirst_AndPagesBothWays()
    {
        var platform = TestContexts.NewPlatform();
        var ids = await RaiseAllAsync(platform, Enumerable.Repeat("customer.created", 5).ToArray());
        using var http = fixture.Http(platform);
        var events = new Stripe.EventService(WebhooksFixture.Stripe(http));

        var first = await events.ListAsync(new Stripe.EventListOptions { Limit = 2 }, cancellationToken: Cancellation);
        var second = await events.ListAsync(new Stripe.EventListOptions { Limit = 2, StartingAfter = first.Data[^1].Id }, cancellationToken: Cancellation);
        var last = await events.ListAsync(new Stripe.EventListOptions { Limit = 2, StartingAfter = second.Data[^1].Id }, cancellationToken: Cancellation);
        var back = await events.ListAsync(new Stripe.EventListOptions { Limit = 2, EndingBefore = last.Data[0].Id }, cancellationToken: Cancellation);

        var newestFirst = ids.AsEnumerable().Reverse().ToList();
        Assert.Equal(newestFirst[..2], first.Data.Select(e => e.Id));
        Assert.True(first.HasMore);
        Assert.Equal(newestFirst[2..4], second.Data.Select(e => e.Id));
        Assert.Equal(newestFirst[4..], last.Data.Select(e => e.Id));
        Assert.False(last.HasMore);
        Assert.Equal(newestFirst[2..4], back.Data.Select(e => e.Id));
        Assert.Equal("/v1/events", first.Url);
    }

    [Fact]
    public async Task List_TypeWithWildcard_MatchesTheGroup_AndUnderscoresOnlyThemselves()
    {
        var platform = TestContexts.NewPlatform();
        var ids = await RaiseAllAsync(platform, "customer.created", "customer.updated", "payment_intent.created", "paymentXintent.created", "charge.succeeded");

        Assert.Equal([ids[1], ids[0]], await ListIdsAsync(platform, "type=customer.*"));
        Assert.Equal([ids[2]], await ListIdsAsync(platform, "type=payment_intent.*"));
        Assert.Equal([ids[4]], await ListIdsAsync(platform, "type=charge.succeeded"));
        Assert.Equal([ids[4], ids[1]], await ListIdsAsync(platform, "types[]=customer.updated&types[]=charge.succeeded"));
    }

    [Fact]
    public async Task List_CreatedBounds_KeepEventsInTheRange()
    {
        var platform = TestContexts.NewPlatform();
        var start = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
        var ids = await RaiseAllAsync(platform, ["customer.created", "customer.updated", "customer.deleted"], i => start.AddMinutes(i));

        var inRange = await ListIdsAsync(platform, $"created[gt]={start.ToUnixTimeSeconds()}&created[lte]={start.AddMinutes(1).ToUnixTimeSeconds()}");
        var exact = await ListIdsAsync(platform, $"created={start.AddMinutes(2).ToUnixTimeSeconds()}");

        Assert.Equal([ids[1]], inRange);
        Assert.Equal([ids[2]], exact);
    }

    [Fact]
    public async Task List_DeliverySuccess_SplitsDeliveredFromUndelivered()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = static (path, _) => path == "customer.deleted" ? 500 : 200;
        using var http = fixture.Http(platform);
        await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http)).CreateAsync(
            new Stripe.WebhookEndpointCreateOptions { Url = receiver.Url("customer.created"), EnabledEvents = ["customer.created"] }, cancellationToken: Cancellation);
        await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http)).CreateAsync(
            new Stripe.WebhookEndpointCreateOptions { Url = receiver.Url("customer.deleted"), EnabledEvents = ["customer.deleted"] }, cancellationToken: Cancellation);
        var ids = await RaiseAllAsync(platform, "customer.created", "customer.deleted");
        await Eventually.Until(() => receiver.Received.Count, count => count >= 2);
        await Eventually.Until(() => ListIdsAsync(platform, "delivery_success=true"), delivered => delivered.Count == 1);

        Assert.Equal([ids[0]], await ListIdsAsync(platform, "delivery_success=true"));
        Assert.Equal([ids[1]], await ListIdsAsync(platform, "delivery_success=false"));
    }

    [Fact]
    public async Task List_OnAConnectedAccount_ShowsThatAccountsEventsOnly()
    {
        var platform = TestContexts.NewPlatform();
        var account = platform.OnConnectedAccount(PrefixedId.New("acct"));
        var own = await RaiseAllAsync(platform, "customer.created");
        var theirs = await RaiseAllAsync(account, "customer.created");

        Assert.Equal(own, await ListIdsAsync(platform, ""));
        Assert.Equal(theirs, await ListIdsAsync(account, ""));
    }

    [Fact]
    public async Task Retrieve_AnotherPlatformsEvent_IsResourceMissing()
    {
        var owner = TestContexts.NewPlatform();
        var ids = await RaiseAllAsync(owner, "customer.created");
        using var http = fixture.Http(TestContexts.NewPlatform());

        var exception = await Assert.ThrowsAsync<Stripe.StripeException>(() =>
            new Stripe.EventService(WebhooksFixture.Stripe(http)).GetAsync(ids[0], cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.NotFound, exception.HttpStatusCode);
        Assert.Equal("resource_missing", exception.StripeError.Code);
    }

    [Theory]
    [InlineData("type=customer.created&types[]=customer.updated", "type")]
    [InlineData("limit=101", "limit")]
    [InlineData("expand[]=data.request", "expand")]
    [InlineData("colour=red", "colour")]
    public async Task List_BadParameters_Are400WithTheParam(string query, string param)
    {
        using var http = fixture.Http(TestContexts.NewPlatform());

        var response = await http.GetAsync($"/v1/events?{query}", Cancellation);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, error.RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    Task<List<string>> RaiseAllAsync(RequestContext context, params string[] types) =>
        RaiseAllAsync(context, types, i => DateTimeOffset.UtcNow.AddMilliseconds(i));

    /// <summary>Raises one event per type, in order, and waits until all are recorded; returns their ids.</summary>
    async Task<List<string>> RaiseAllAsync(RequestContext context, string[] types, Func<int, DateTimeOffset> created)
    {
        var ids = new List<string>();
        for (var i = 0; i < types.Length; i++)
        {
            var raised = RaisedEvents.About(context, PrefixedId.New("cus"), types[i], created(i));
            ids.Add(raised.EventId);
            await fixture.RaiseAsync(raised);
        }

        foreach (var id in ids)
        {
            await fixture.RecordedAsync(context, id);
        }

        return ids;
    }

    async Task<List<string>> ListIdsAsync(RequestContext context, string query)
    {
        using var http = fixture.Http(context);
        using var page = JsonDocument.Parse(await http.GetStringAsync($"/v1/events?limit=100&{query}", Cancellation));
        return [.. page.RootElement.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }
}
