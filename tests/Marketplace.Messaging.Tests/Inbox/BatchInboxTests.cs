using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Inbox;

public sealed class BatchInboxTests : BackboneTest
{
    static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Messaging:RetryIntervals:0"] = "00:00:00.010",
        ["Messaging:RetryIntervals:1"] = "00:00:00.010",
    };

    [Fact]
    public async Task MessagesPublishedTogether_AreConsumedInBatches_EachWithItsEffectOnce()
    {
        const int Messages = 40;
        ThingsHappenedBatchConsumer.BatchSizes.Clear();
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingsHappenedBatchConsumer, ThingsHappenedBatchConsumerDefinition>());
        await host.StartAsync(Cancellation);
        var bus = host.Services.GetRequiredService<IBus>();
        var things = Enumerable.Range(0, Messages).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(things.Select(thing => bus.Publish(new ThingHappened { ThingId = thing }, Cancellation)));

        await Eventually.Until(() => EffectsAsync(), n => n >= Messages);
        await Task.Delay(300, Cancellation);
        Assert.Equal(Messages, await EffectsAsync());
        Assert.Equal(Messages, await Sql.CountAsync(Database.DataSource, "SELECT count(DISTINCT thing_id) FROM effects WHERE thing_id = ANY(@things)", new { things }));
        // Recorded under the message's type, as the same consumer taking one message at a time would be.
        Assert.Equal(Messages, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM inbox_messages WHERE consumer_id LIKE @suffix",
            new { suffix = $"%/{typeof(ThingsHappenedBatchConsumer).FullName}/{typeof(ThingHappened).FullName}" }));
        Assert.Contains(ThingsHappenedBatchConsumer.BatchSizes, size => size > 1);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task CopiesOfAMessage_InOneBatchOrAfterItWasConsumed_HaveItsEffectOnce_AndCountAsConsumed()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingsHappenedBatchConsumer, ThingsHappenedBatchConsumerDefinition>());
        var counter = new ReceiveCounter();
        var bus = host.Services.GetRequiredService<IBus>();
        bus.ConnectReceiveObserver(counter);
        await host.StartAsync(Cancellation);
        var consumedFirst = (Thing: Guid.NewGuid(), MessageId: NewId.NextGuid());
        await PublishThingAsync(bus, consumedFirst.Thing, consumedFirst.MessageId);
        await Eventually.Until(() => EffectsAsync(), n => n >= 1);
        var twice = (Thing: Guid.NewGuid(), MessageId: NewId.NextGuid());
        var other = Guid.NewGuid();

        await Task.WhenAll(
            PublishThingAsync(bus, consumedFirst.Thing, consumedFirst.MessageId),
            PublishThingAsync(bus, twice.Thing, twice.MessageId),
            PublishThingAsync(bus, twice.Thing, twice.MessageId),
            PublishThingAsync(bus, other, NewId.NextGuid()));

        await Eventually.Until(() => Task.FromResult(counter.Count), n => n >= 5);
        Assert.Equal(3, await EffectsAsync());
        Assert.Equal(1, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @thing", new { thing = consumedFirst.Thing }));
        Assert.Equal(1, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @thing", new { thing = twice.Thing }));
        Assert.Equal(0, counter.Unconsumed);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task ABatchThatFails_CommitsNothing_AndItsMessagesAreRetriedEachOnItsOwn()
    {
        const int Messages = 10;
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingsHappenedBatchConsumer, ThingsHappenedBatchConsumerDefinition>(), settings: QuickRetries);
        await host.StartAsync(Cancellation);
        var bus = host.Services.GetRequiredService<IBus>();
        var things = Enumerable.Range(0, Messages).Select(_ => Guid.NewGuid()).ToList();
        var poison = things[3];
        ThingsHappenedBatchConsumer.FailAttempts(poison, 2);

        await Task.WhenAll(things.Select(thing => bus.Publish(new ThingHappened { ThingId = thing }, Cancellation)));

        await Eventually.Until(() => EffectsAsync(), n => n >= Messages);
        await Task.Delay(300, Cancellation);
        Assert.Equal(Messages, await Sql.CountAsync(Database.DataSource, "SELECT count(DISTINCT thing_id) FROM effects"));
        Assert.Equal(Messages, await EffectsAsync());
        await host.StopAsync(Cancellation);
    }

    Task<long> EffectsAsync() => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects");
}
