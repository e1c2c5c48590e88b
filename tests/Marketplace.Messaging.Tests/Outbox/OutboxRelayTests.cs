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

    [Fact]
    public async Task MessagesPublishedInAWritersOwnBatch_AreDeliveredOnlyIfTheBatchCommits()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingHappenedConsumer>());
        await host.StartAsync(Cancellation);
        var committed = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var rolledBack = Guid.NewGuid();

        await using (var connection = await Database.DataSource.OpenConnectionAsync(Cancellation))
        {
            foreach (var (things, end) in new[] { (committed, "COMMIT"), ([rolledBack], "ROLLBACK") })
            {
                await using var batch = new Npgsql.NpgsqlBatch(connection);
                batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("BEGIN"));
                batch.BatchCommands.Add(OutboxBatchCommands.Publish(things.Select(t => new ThingHappened { ThingId = t }))!);
                batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(end));
                await batch.ExecuteNonQueryAsync(Cancellation);
            }
        }

        await Eventually.Until(() => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = ANY(@committed)", new { committed }), n => n == 3);
        Assert.Equal(0, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @rolledBack", new { rolledBack }));
        Assert.Null(OutboxBatchCommands.Publish(Array.Empty<ThingHappened>()));
        await host.StopAsync(Cancellation);
    }

    async Task PublishCommittedAsync(Guid thing)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(new ThingHappened { ThingId = thing }, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }
}
