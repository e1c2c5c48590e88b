using Marketplace.Data;
using Marketplace.Testing;
using Marketplace.Webhooks.Tests.Support;

namespace Marketplace.Webhooks.Tests.Deliveries;

/// <summary>Two hosts of the service, one after the other, on one database and virtual host: a restart.</summary>
public sealed class DeliveryAcrossRestartTests : IAsyncLifetime
{
    static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

    readonly TestDatabase _database = new();
    readonly TestBroker _broker = new();

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _broker.InitializeAsync();
    }

    [Fact]
    public async Task HostStoppedBetweenAttempts_NextHostMakesTheRetry_AndTheEventArrivesExactlyOnce()
    {
        var platform = TestContexts.NewPlatform();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = static (_, ordinal) => ordinal == 1 ? 500 : 200;
        var raised = RaisedEvents.About(platform, PrefixedId.New("cus"));
        string endpointId;

        await using (var before = await StartAsync())
        {
            endpointId = (await before.CreateEndpointAsync(platform, receiver.Url("restart"))).Id;
            await before.RaiseAsync(raised);
            await Eventually.Until(() => receiver.At("restart"), received => received.Count == 1);
            await Eventually.Until(() => before.AttemptsAsync(platform, endpointId), attempts => attempts.Count == 1);
        }

        var scheduledRetries = await PendingRetriesAsync();
        await Task.Delay(RetryDelay + TimeSpan.FromSeconds(0.5), Cancellation); // due while no host runs
        var whileStopped = receiver.At("restart").Count;
        await using var after = await StartAsync();
        await Eventually.Until(() => receiver.At("restart"), received => received.Count >= 2);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);
        var attempts = await after.AttemptsAsync(platform, endpointId);

        Assert.Equal(1, scheduledRetries);
        Assert.Equal(1, whileStopped);
        Assert.Equal([500, 200], receiver.At("restart").Select(r => r.AnsweredWith));
        Assert.All(receiver.At("restart"), r => Assert.Equal(raised.EventId, r.EventId));
        Assert.Equal([2, 1], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal(0, await after.PendingWebhooksAsync(platform, raised.EventId));
    }

    /// <summary>A host of the service on this test's database and virtual host, started.</summary>
    async Task<WebhooksFixture> StartAsync()
    {
        var host = new WebhooksFixture(WebhooksFixture.Configure(new ServiceFactory<Program>("webhooks", _database, _broker))
            .WithSetting("Webhooks:RetryDelays:0", RetryDelay.ToString("c")));
        await host.InitializeAsync();
        return host;
    }

    async Task<long> PendingRetriesAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DeliverWebhook,%' AND not_before > now()";
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }
}
