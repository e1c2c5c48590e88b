using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Marketplace.Data;
using Marketplace.Testing;
using Marketplace.Webhooks.Tests.Support;

namespace Marketplace.Webhooks.Tests.Deliveries;

public sealed class DeliverWebhookConsumerTests(WebhooksFixture fixture) : IClassFixture<WebhooksFixture>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Long enough for a request that should not come (a hidden retry, a second copy) to have come.</summary>
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Delivery_IsSignedSoThatStripeNetAcceptsIt_AndNotWithAnotherSecret()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await fixture.CreateEndpointAsync(platform, receiver.Url("signed"));
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        var delivered = (await Eventually.Until(() => receiver.At("signed"), received => received.Count == 1))[0];

        var verified = Stripe.EventUtility.ConstructEvent(delivered.Body, delivered.Signature, endpoint.Secret);
        Assert.Equal(raised.EventId, verified.Id);
        Assert.Equal("customer.created", verified.Type);
        Assert.Equal(1, verified.PendingWebhooks);
        Assert.Equal(raised.ObjectJson.Split('"')[3], Assert.IsType<Stripe.Customer>(verified.Data.Object).Id);
        Assert.Contains($"\"object\":{raised.ObjectJson}", delivered.Body, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", delivered.ContentType);
        Assert.Throws<Stripe.StripeException>(() => Stripe.EventUtility.ConstructEvent(delivered.Body, delivered.Signature, "whsec_" + new string('x', 32)));
        Assert.Throws<Stripe.StripeException>(() => Stripe.EventUtility.ConstructEvent(delivered.Body.Replace("jenny@", "eve@", StringComparison.Ordinal), delivered.Signature, endpoint.Secret));
        await Eventually.Until(() => fixture.PendingWebhooksAsync(platform, raised.EventId), pending => pending == 0);
        var attempt = Assert.Single(await fixture.AttemptsAsync(platform, endpoint.Id));
        Assert.Equal(200, attempt.GetProperty("status_code").GetInt32());
    }

    [Fact]
    public async Task FailingEndpoint_IsRetriedOnTheSchedule_OneRequestPerAttempt_ThenSucceeds()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = static (_, ordinal) => ordinal <= 2 ? 500 : 200;
        var endpoint = await fixture.CreateEndpointAsync(platform, receiver.Url("flaky"));
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        await Eventually.Until(() => receiver.At("flaky"), received => received.Count >= 3);
        await Task.Delay(Quiet, Cancellation);
        var requests = receiver.At("flaky");
        var attempts = await fixture.AttemptsAsync(platform, endpoint.Id);

        Assert.Equal(3, requests.Count);
        Assert.Equal(3, attempts.Count);
        Assert.True(requests[1].At - requests[0].At >= WebhooksFixture.RetryDelays[0], $"first retry after {requests[1].At - requests[0].At}");
        Assert.True(requests[2].At - requests[1].At >= WebhooksFixture.RetryDelays[1], $"second retry after {requests[2].At - requests[1].At}");
        Assert.All(requests, request => Assert.Equal(requests[0].Body, request.Body));
        Assert.Equal([3, 2, 1], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal([200, 500, 500], attempts.Select(a => a.GetProperty("status_code").GetInt32()));
        Assert.All(attempts, a => Assert.Equal(raised.EventId, a.GetProperty("event").GetString()));
        Assert.All(attempts, a => Assert.Equal("customer.created", a.GetProperty("event_type").GetString()));
        Assert.All(attempts, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("error").ValueKind));
        Assert.Equal(0, await fixture.PendingWebhooksAsync(platform, raised.EventId));
    }

    [Fact]
    public async Task UnreachableAndSlowEndpoints_FailedAttemptsRecordWhy()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = static (_, ordinal) => ordinal == 1 ? WebhooksFixture.Timeout + TimeSpan.FromSeconds(1) : TimeSpan.Zero;
        var unreachable = await fixture.CreateEndpointAsync(platform, $"http://127.0.0.1:{ClosedPort()}/closed");
        var slow = await fixture.CreateEndpointAsync(platform, receiver.Url("slow"));
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        await fixture.RecordedAsync(platform, raised.EventId);
        await Eventually.Until(() => fixture.PendingWebhooksAsync(platform, raised.EventId), pending => pending == 0, TimeSpan.FromSeconds(30));
        var unreachableAttempts = await fixture.AttemptsAsync(platform, unreachable.Id);
        var slowAttempts = await fixture.AttemptsAsync(platform, slow.Id);

        Assert.Equal(3, unreachableAttempts.Count);
        Assert.All(unreachableAttempts, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("status_code").ValueKind));
        Assert.All(unreachableAttempts, a => Assert.Contains("ConnectionError", a.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.Equal(2, slowAttempts.Count);
        Assert.StartsWith("Timed out", slowAttempts[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        // The client's timer and the attempt's stopwatch start a moment apart: allow the timeout to fire a little early.
        Assert.InRange(slowAttempts[1].GetProperty("duration_ms").GetInt64(), WebhooksFixture.Timeout.TotalMilliseconds - 100, WebhooksFixture.Timeout.TotalMilliseconds + 1000);
        Assert.Equal(200, slowAttempts[0].GetProperty("status_code").GetInt32());
        Assert.Equal("enabled", (await fixture.EndpointAsync(platform, unreachable.Id)).Status);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_AndIsAFailedAttempt()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = static (path, ordinal) => path == "moved" && ordinal == 1 ? 302 : 200;
        var endpoint = await fixture.CreateEndpointAsync(platform, receiver.Url("moved"));
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        await fixture.RecordedAsync(platform, raised.EventId);
        await Eventually.Until(() => fixture.PendingWebhooksAsync(platform, raised.EventId), pending => pending == 0);
        var attempts = await fixture.AttemptsAsync(platform, endpoint.Id);

        Assert.Empty(receiver.At("redirected"));
        Assert.Equal([200, 302], attempts.Select(a => a.GetProperty("status_code").GetInt32()));
    }

    [Fact]
    public async Task DeliveriesGivenUpInARow_DisableTheEndpoint_ASuccessStartsTheCountAfresh()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        var healthy = false;
        receiver.Answer = (_, _) => healthy ? 200 : 500;
        var endpoint = await fixture.CreateEndpointAsync(platform, receiver.Url("shaky"));

        await RaiseAndSettleAsync(platform, receiver, expectedRequests: 3);  // given up on: 1 in a row
        healthy = true;
        await RaiseAndSettleAsync(platform, receiver, expectedRequests: 4);  // delivered: the count starts again
        healthy = false;
        await RaiseAndSettleAsync(platform, receiver, expectedRequests: 7);  // given up on: 1 in a row
        var beforeLimit = await fixture.EndpointAsync(platform, endpoint.Id);
        await RaiseAndSettleAsync(platform, receiver, expectedRequests: 10); // given up on: 2 in a row
        var afterLimit = await fixture.EndpointAsync(platform, endpoint.Id);
        var ignored = RaisedEvents.About(platform, PrefixedId.New("cus"));
        await fixture.RaiseAsync(ignored);
        await fixture.RecordedAsync(platform, ignored.EventId);
        await Task.Delay(Quiet, Cancellation);

        Assert.Equal("enabled", beforeLimit.Status);
        Assert.Equal("disabled", afterLimit.Status);
        Assert.Equal(10, receiver.At("shaky").Count);
        Assert.Equal(0, await fixture.PendingWebhooksAsync(platform, ignored.EventId));
    }

    [Fact]
    public async Task DeletingAnEndpoint_CancelsItsScheduledRetries()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = static (_, _) => 500;
        var endpoint = await fixture.CreateEndpointAsync(platform, receiver.Url("gone"));
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));

        await fixture.RaiseAsync(raised);
        await Eventually.Until(() => receiver.At("gone"), received => received.Count == 1);
        await Eventually.Until(() => fixture.AttemptsAsync(platform, endpoint.Id), attempts => attempts.Count == 1);
        using (var http = fixture.Http(platform))
        {
            await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http)).DeleteAsync(endpoint.Id, cancellationToken: Cancellation);
        }

        await Task.Delay(WebhooksFixture.RetryDelays.Aggregate(Quiet, (total, delay) => total + delay), Cancellation);

        Assert.Single(receiver.At("gone"));
        Assert.Equal(0, await fixture.PendingWebhooksAsync(platform, raised.EventId));
    }

    [Fact]
    public async Task EnabledEvents_DecideWhichEndpointsGetAnEvent()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        await fixture.CreateEndpointAsync(platform, receiver.Url("customers"), ["customer.created", "customer.updated"]);
        await fixture.CreateEndpointAsync(platform, receiver.Url("everything"), ["*"]);
        await fixture.CreateEndpointAsync(platform, receiver.Url("charges"), ["charge.succeeded"]);

        await fixture.RaiseAsync(RaisedEvents.About(platform, PrefixedId.New("cus"), "customer.created"));
        await Eventually.Until(() => receiver.Received.Count, count => count >= 2);
        await fixture.RaiseAsync(RaisedEvents.About(platform, PrefixedId.New("ch"), "charge.succeeded"));
        await Eventually.Until(() => receiver.Received.Count, count => count >= 4);
        await Task.Delay(Quiet, Cancellation);

        Assert.Equal(["customer.created"], receiver.At("customers").Select(TypeOf));
        Assert.Equal(["customer.created", "charge.succeeded"], receiver.At("everything").Select(TypeOf));
        Assert.Equal(["charge.succeeded"], receiver.At("charges").Select(TypeOf));
        Assert.Equal(2, PendingOf(receiver.At("customers")[0]));
    }

    [Fact]
    public async Task ConnectEndpoints_GetConnectedAccountsEvents_TheOthersThePlatformsOwn()
    {
        var platform = TestContexts.NewPlatform();
        var account = platform.OnConnectedAccount(PrefixedId.New("acct"));
        var stranger = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        await fixture.CreateEndpointAsync(platform, receiver.Url("own"), connect: false);
        await fixture.CreateEndpointAsync(platform, receiver.Url("connect"), connect: true);
        await fixture.CreateEndpointAsync(stranger, receiver.Url("stranger"), connect: true);
        var platformEvent = RaisedEvents.About(platform, PrefixedId.New("cus"));
        var accountEvent = RaisedEvents.About(account, PrefixedId.New("cus"));

        await fixture.RaiseAsync(platformEvent);
        await fixture.RaiseAsync(accountEvent);
        await Eventually.Until(() => receiver.Received.Count, count => count >= 2);
        await Task.Delay(Quiet, Cancellation);

        Assert.Equal([platformEvent.EventId], receiver.At("own").Select(r => r.EventId));
        var connect = Assert.Single(receiver.At("connect"));
        Assert.Equal(accountEvent.EventId, connect.EventId);
        using var body = JsonDocument.Parse(connect.Body);
        Assert.Equal(account.AccountId, body.RootElement.GetProperty("account").GetString());
        Assert.Empty(receiver.At("stranger"));
    }

    [Fact]
    public async Task LaterEventAboutTheSameObject_WaitsForTheEarlierOnesDelivery_OtherObjectsDoNot()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = static (_, ordinal) => ordinal == 1 ? 500 : 200;
        await fixture.CreateEndpointAsync(platform, receiver.Url("ordered"));
        var customer = PrefixedId.New("cus");
        var first = RaisedEvents.About(platform, customer, "customer.created");
        var second = RaisedEvents.About(platform, customer, "customer.updated");
        var unrelated = RaisedEvents.About(platform, PrefixedId.New("cus"), "customer.created");

        await fixture.RaiseAsync(first);
        await Eventually.Until(() => receiver.At("ordered"), received => received.Count == 1);
        await fixture.RaiseAsync(second);
        await fixture.RaiseAsync(unrelated);
        await Eventually.Until(() => receiver.At("ordered"), received => received.Count >= 4);
        await Task.Delay(Quiet, Cancellation);
        var order = receiver.At("ordered").Select(r => (r.EventId, r.AnsweredWith)).ToList();

        Assert.Equal(4, order.Count);
        Assert.Equal((first.EventId, 500), order[0]);
        Assert.Equal((unrelated.EventId, 200), order[1]);
        Assert.Equal((first.EventId, 200), order[2]);
        Assert.Equal((second.EventId, 200), order[3]);
    }

    /// <summary>Raises an event and waits until the receiver has had <paramref name="expectedRequests"/> in all and the event is settled.</summary>
    async Task RaiseAndSettleAsync(Marketplace.Api.Context.RequestContext platform, WebhookReceiver receiver, int expectedRequests)
    {
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));
        await fixture.RaiseAsync(raised);
        await Eventually.Until(() => receiver.Received.Count, count => count >= expectedRequests);
        await Eventually.Until(() => fixture.PendingWebhooksAsync(platform, raised.EventId), pending => pending == 0);
        Assert.Equal(expectedRequests, receiver.Received.Count);
    }

    static string TypeOf(ReceivedWebhook request)
    {
        using var json = JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("type").GetString()!;
    }

    static long PendingOf(ReceivedWebhook request)
    {
        using var json = JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("pending_webhooks").GetInt64();
    }

    /// <summary>A port nothing listens on: bound once to learn a free one, then released.</summary>
    static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
