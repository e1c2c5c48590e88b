using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Inbox;

public sealed class InboxTests : BackboneTest
{
    [Fact]
    public async Task SameMessageDeliveredTwice_HasItsEffectOnce_AndTheDuplicateCountsAsConsumed()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingHappenedConsumer>());
        var counter = new ReceiveCounter();
        var bus = host.Services.GetRequiredService<IBus>();
        bus.ConnectReceiveObserver(counter);
        await host.StartAsync(Cancellation);
        var messageId = NewId.NextGuid();
        var thing = Guid.NewGuid();

        await PublishThingAsync(bus, thing, messageId);
        await PublishThingAsync(bus, thing, messageId);

        await Eventually.Until(() => Task.FromResult(counter.Count), n => n >= 2);
        Assert.Equal(1, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @thing", new { thing }));
        Assert.Equal(1, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
        Assert.Equal(0, counter.Unconsumed);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task DuplicatesRacingOnTwoInstances_HaveTheirEffectOnceEach()
    {
        const int Messages = 50;
        using var first = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingHappenedConsumer>());
        using var second = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingHappenedConsumer>());
        var counters = new[] { new ReceiveCounter(), new ReceiveCounter() };
        first.Services.GetRequiredService<IBus>().ConnectReceiveObserver(counters[0]);
        second.Services.GetRequiredService<IBus>().ConnectReceiveObserver(counters[1]);
        await Task.WhenAll(first.StartAsync(Cancellation), second.StartAsync(Cancellation));
        var bus = first.Services.GetRequiredService<IBus>();

        var sends = new List<Task>();
        for (var i = 0; i < Messages; i++)
        {
            var messageId = NewId.NextGuid();
            var thing = Guid.NewGuid();
            sends.Add(PublishThingAsync(bus, thing, messageId));
            sends.Add(PublishThingAsync(bus, thing, messageId));
        }

        await Task.WhenAll(sends);
        await Eventually.Until(() => Task.FromResult(counters.Sum(c => c.Count)), n => n >= 2 * Messages);
        Assert.Equal(Messages, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects"));
        Assert.Equal(Messages, await Sql.CountAsync(Database.DataSource, "SELECT count(DISTINCT thing_id) FROM effects"));
        await Task.WhenAll(first.StopAsync(Cancellation), second.StopAsync(Cancellation));
    }
}
