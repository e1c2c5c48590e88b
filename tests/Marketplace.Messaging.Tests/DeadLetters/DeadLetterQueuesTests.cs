using Marketplace.Messaging.DeadLetters;
using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.DeadLetters;

public sealed class DeadLetterQueuesTests : BackboneTest
{
    static readonly Dictionary<string, string?> NoRetries = new()
    {
        ["Messaging:RetryIntervals:0"] = "00:00:00.010",
        ["Messaging:RedeliveryIntervals:0"] = "00:00:00.100",
    };

    [Fact]
    public async Task Replay_AfterTheCauseIsFixed_ConsumesTheDeadLetterOnce()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<FlakyConsumer>(), settings: NoRetries);
        await host.StartAsync(Cancellation);
        var queues = host.Services.GetRequiredService<DeadLetterQueues>();
        var thing = Guid.NewGuid();
        FlakyConsumer.FailAttempts(thing, int.MaxValue);
        await host.Services.GetRequiredService<IBus>().Publish(new FlakyThing { ThingId = thing }, Cancellation);
        await Eventually.Until(() => queues.PeekAsync("flaky_error", 10, Cancellation), l => l?.Count == 1);

        FlakyConsumer.FailAttempts(thing, 0);
        var replayed = await queues.ReplayAsync("flaky_error", 10, Cancellation);

        Assert.Equal(1, replayed);
        await Eventually.Until(() => EffectsAsync(thing), n => n == 1);
        Assert.Empty((await queues.PeekAsync("flaky_error", 10, Cancellation))!);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task Replay_OfAQueueThatIsNotAnErrorQueue_IsRefused()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<FlakyConsumer>());
        var queues = host.Services.GetRequiredService<DeadLetterQueues>();

        await Assert.ThrowsAsync<ArgumentException>(() => queues.ReplayAsync("flaky", 10, Cancellation));
    }

    Task<long> EffectsAsync(Guid thing) =>
        Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @thing", new { thing });
}
