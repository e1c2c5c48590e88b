using Marketplace.Messaging.Outbox;
using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Outbox;

public sealed class OutboxRelayTests : BackboneTest
{
    [Fact]
    public async Task Publish_InRolledBackTransaction_IsNeverDelivered()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingHappenedConsumer>());
        await host.StartAsync(Cancellation);
        var rolledBack = Guid.NewGuid();
        var committed = Guid.NewGuid();

        await using (var connection = await Database.DataSource.OpenConnectionAsync(Cancellation))
        {
            await using var transaction = await connection.BeginTransactionAsync(Cancellation);
            await transaction.PublishAsync(new ThingHappened { ThingId = rolledBack }, Cancellation);
            await transaction.RollbackAsync(Cancellation);
        }

        await PublishCommittedAsync(committed);

        // The committed message went through the same relay and queue after the rolled-back one would have.
        await Eventually.Until(() => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @committed", new { committed }), n => n == 1);
        Assert.Equal(0, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @rolledBack", new { rolledBack }));

        // The relay deletes a row in its own transaction after the broker's confirm, which can be after the consumer ran.
        await Eventually.Until(() => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages"), n => n == 0);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task Publish_CommittedWhileNoRelayRuns_IsDeliveredOnceAfterRestart()
    {
        // The relay "died" after the commit: the rows wait in the table, and no broker has seen them.
        var things = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var thing in things)
        {
            await PublishCommittedAsync(thing);
        }

        Assert.Equal(things.Length, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages"));

        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingHappenedConsumer>());
        await host.StartAsync(Cancellation);

        await Eventually.Until(() => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects"), n => n >= things.Length);
        await Task.Delay(500, Cancellation);
        Assert.Equal(things.Length, await Sql.CountAsync(Database.DataSource, "SELECT count(DISTINCT thing_id) FROM effects"));
        Assert.Equal(things.Length, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects"));
        Assert.Equal(0, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages"));
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task SendToAQueueAddress_IsRefusedBeforeAnythingIsWritten()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            transaction.SendAsync(new Uri("queue:things"), new ThingHappened { ThingId = Guid.NewGuid() }, Cancellation));
        await transaction.SendAsync(new Uri("exchange:things"), new ThingHappened { ThingId = Guid.NewGuid() }, Cancellation);
        await transaction.CommitAsync(Cancellation);

        Assert.Contains("exchange:things", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages"));
    }

    async Task PublishCommittedAsync(Guid thing)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(new ThingHappened { ThingId = thing }, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }
}
