using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Outbox;

/// <summary>A consumer's commit wakes its process's relay, so what it wrote leaves without waiting for the idle poll.</summary>
public sealed class RelayWakeUpTests : BackboneTest
{
    [Fact]
    public async Task AMessageAConsumerWroteThroughItsTransaction_LeavesRightAfterTheCommit()
    {
        // An idle poll an hour away: only the wake-up after the consumer's commit can send the announcement.
        using var host = MessagingHost.Create(Database, Broker,
            bus =>
            {
                bus.AddConsumer<PingAnnouncingConsumer>();
                bus.AddConsumer<ThingHappenedConsumer>();
            },
            settings: new Dictionary<string, string?> { ["Messaging:Outbox:IdlePollInterval"] = "01:00:00" });
        await host.StartAsync(Cancellation);
        var pingId = Guid.NewGuid();

        await host.Services.GetRequiredService<IBus>().Publish(new Ping { PingId = pingId }, Cancellation);

        Assert.Equal(1, await Eventually.Until(
            () => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @pingId", new { pingId }), n => n > 0,
            TimeSpan.FromSeconds(20)));
        await host.StopAsync(Cancellation);
    }
}
