using System.Net;
using System.Text.Json;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;
using Marketplace.Webhooks.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Webhooks.Tests.Events;

public sealed class ApiEventRaisedConsumerTests(WebhooksFixture fixture) : IClassFixture<WebhooksFixture>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventRaisedThroughTheOutbox_IsReadThroughStripeNetWithStripesFields()
    {
        var platform = TestContexts.NewPlatform();
        var customerId = PrefixedId.New("cus");
        var created = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30);
        var raised = RaisedEvents.About(platform, customerId, "customer.updated", created) with
        {
            PreviousAttributesJson = """{"email":"old@example.com"}""",
        };

        await fixture.RaiseAsync(raised);
        var recorded = await fixture.RecordedAsync(platform, raised.EventId);

        Assert.Equal(raised.EventId, recorded.Id);
        Assert.Equal("event", recorded.Object);
        Assert.Equal("customer.updated", recorded.Type);
        Assert.Equal("2026-10-28.endive", recorded.ApiVersion);
        Assert.Null(recorded.Account);
        Assert.Null(recorded.Context);
        Assert.Equal(created.UtcDateTime, recorded.Created);
        Assert.False(recorded.Livemode);
        Assert.Equal(0, recorded.PendingWebhooks);
        Assert.Equal(platform.RequestId, recorded.Request.Id);
        Assert.Equal("idem-" + customerId, recorded.Request.IdempotencyKey);
        var customer = Assert.IsType<Stripe.Customer>(recorded.Data.Object);
        Assert.Equal(customerId, customer.Id);
        Assert.Equal("Jenny Élise Rosen", customer.Name);
        Assert.Equal("old@example.com", (string)recorded.Data.PreviousAttributes.email);
    }

    [Fact]
    public async Task EventObject_IsTheOwnersJsonVerbatim_AndPreviousAttributesOnlyWhenGiven()
    {
        var platform = TestContexts.NewPlatform();
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        await fixture.RecordedAsync(platform, raised.EventId);
        using var http = fixture.Http(platform);
        var body = await http.GetStringAsync($"/v1/events/{raised.EventId}", Cancellation);

        Assert.Contains($"\"object\":{raised.ObjectJson}", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("data");
        Assert.False(data.TryGetProperty("previous_attributes", out _));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("account").ValueKind);
    }

    [Fact]
    public async Task RenderedEvent_HasEveryFieldStripeNetReads()
    {
        var platform = TestContexts.NewPlatform();
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        await fixture.RecordedAsync(platform, raised.EventId);
        using var http = fixture.Http(platform);
        using var json = JsonDocument.Parse(await http.GetStringAsync($"/v1/events/{raised.EventId}", Cancellation));

        Assert.All(StripeNetFields.Of<Stripe.Event>(), field => Assert.True(json.RootElement.TryGetProperty(field, out _), field));
        Assert.All(StripeNetFields.Of<Stripe.EventRequest>(), field => Assert.True(json.RootElement.GetProperty("request").TryGetProperty(field, out _), field));
    }

    [Fact]
    public async Task ConnectedAccountsEvent_NamesTheAccount_AndIsReadOnlyThroughThatAccount()
    {
        var platform = TestContexts.NewPlatform();
        var account = platform.OnConnectedAccount(PrefixedId.New("acct"));
        var raised = RaisedEvents.About(account, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        var recorded = await fixture.RecordedAsync(account, raised.EventId);
        using var asPlatform = fixture.Http(platform);
        var fromPlatform = await asPlatform.GetAsync($"/v1/events/{raised.EventId}", Cancellation);

        Assert.Equal(account.AccountId, recorded.Account);
        Assert.Equal(account.AccountId, recorded.Context);
        Assert.Equal(HttpStatusCode.NotFound, fromPlatform.StatusCode);
    }

    [Fact]
    public async Task SameMessageDeliveredTwice_IsOneEvent_AndOneDeliveryPerEndpoint()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        await CreateEndpointAsync(platform, receiver.Url("first"));
        await CreateEndpointAsync(platform, receiver.Url("second"));
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));
        var messageId = NewId.NextGuid();
        var bus = fixture.Factory.Services.GetRequiredService<IBus>();

        await bus.Publish(raised, context => context.MessageId = messageId, Cancellation);
        await bus.Publish(raised, context => context.MessageId = messageId, Cancellation);

        await AssertOneEventAndOneDeliveryEachAsync(raised.EventId, receiver);
    }

    [Fact]
    public async Task SameEventIdPublishedTwice_IsOneEvent_AndOneDeliveryPerEndpoint()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        await CreateEndpointAsync(platform, receiver.Url("first"));
        await CreateEndpointAsync(platform, receiver.Url("second"));
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        await fixture.RaiseAsync(raised);

        await AssertOneEventAndOneDeliveryEachAsync(raised.EventId, receiver);
    }

    [Fact]
    public async Task EventsRaisedTogether_AreEachRecorded_WithDeliveriesOnlyWhereSubscribed()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        await fixture.CreateEndpointAsync(platform, receiver.Url("updates"), ["customer.updated"]);
        var raised = Enumerable.Range(0, 20)
            .Select(i => RaisedEvents.About(platform, PrefixedId.New("cus"), i % 2 == 0 ? "customer.created" : "customer.updated"))
            .ToList();

        // One transaction's outbox: the messages reach the consumer together, in batches.
        await using (var connection = await fixture.Factory.Database.DataSource.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            foreach (var message in raised)
            {
                await transaction.PublishAsync(message, Cancellation);
            }

            await transaction.CommitAsync(Cancellation);
        }

        await Eventually.Until(() => receiver.Received.Count, count => count >= 10);
        var ids = raised.Select(r => r.EventId).ToArray();
        Assert.Equal(20, await fixture.CountAsync("SELECT count(*) FROM events WHERE id = ANY(@ids)", new { ids }));
        var updates = raised.Where(r => r.Type == "customer.updated").Select(r => r.EventId).Order().ToList();
        Assert.Equal(updates, receiver.At("updates").Select(webhook => webhook.EventId).Order());
    }

    async Task AssertOneEventAndOneDeliveryEachAsync(string eventId, WebhookReceiver receiver)
    {
        await Eventually.Until(() => receiver.Received.Count, count => count >= 2);
        // Long enough for a second copy, were it not discarded, to be consumed and delivered too.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);

        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM events WHERE id = @eventId", new { eventId }));
        Assert.Equal(2, await fixture.CountAsync("SELECT count(*) FROM webhook_deliveries WHERE event_id = @eventId", new { eventId }));
        Assert.Single(receiver.At("first"));
        Assert.Single(receiver.At("second"));
    }

    async Task CreateEndpointAsync(Marketplace.Api.Context.RequestContext platform, string url)
    {
        using var http = fixture.Http(platform);
        await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http)).CreateAsync(
            new Stripe.WebhookEndpointCreateOptions { Url = url, EnabledEvents = ["*"] }, cancellationToken: Cancellation);
    }
}
