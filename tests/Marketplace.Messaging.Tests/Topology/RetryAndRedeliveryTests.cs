using Marketplace.Messaging.DeadLetters;
using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Topology;

public sealed class RetryAndRedeliveryTests : BackboneTest
{
    /// <summary>Two quick retries, then redeliveries after 300 ms and 600 ms, then the error queue.</summary>
    static readonly Dictionary<string, string?> FastPolicy = new()
    {
        ["Messaging:RetryIntervals:0"] = "00:00:00.010",
        ["Messaging:RetryIntervals:1"] = "00:00:00.010",
        ["Messaging:RedeliveryIntervals:0"] = "00:00:00.300",
        ["Messaging:RedeliveryIntervals:1"] = "00:00:00.600",
    };

    [Fact]
    public async Task FailureOutlastingTheRetries_IsRedeliveredLater_AndHasItsEffectOnce()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<FlakyConsumer>(), settings: FastPolicy);
        await host.StartAsync(Cancellation);
        var thing = Guid.NewGuid();
        FlakyConsumer.FailAttempts(thing, 3); // the first delivery and its two retries

        await host.Services.GetRequiredService<IBus>().Publish(new FlakyThing { ThingId = thing }, Cancellation);

        await Eventually.Until(() => EffectsAsync(thing), n => n >= 1);
        await Task.Delay(500, Cancellation);
        Assert.Equal(1, await EffectsAsync(thing));
        Assert.Equal(1, FlakyConsumer.RedeliveryCount(thing));
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task FailureOutlastingTheRedeliveries_EndsInTheErrorQueue_WithNoEffect()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<FlakyConsumer>(), settings: FastPolicy);
        await host.StartAsync(Cancellation);
        var thing = Guid.NewGuid();
        FlakyConsumer.FailAttempts(thing, int.MaxValue);

        await host.Services.GetRequiredService<IBus>().Publish(new FlakyThing { ThingId = thing }, Cancellation);

        var queues = host.Services.GetRequiredService<DeadLetterQueues>();
        var letters = await Eventually.Until(() => queues.PeekAsync("flaky_error", 10, Cancellation), l => l?.Count == 1);
        Assert.Equal("Injected consumer failure.", letters![0].FaultMessage);
        Assert.Equal(2, FlakyConsumer.RedeliveryCount(thing));
        Assert.Equal(0, await EffectsAsync(thing));
        await host.StopAsync(Cancellation);
    }

    Task<long> EffectsAsync(Guid thing) =>
        Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @thing", new { thing });
}
