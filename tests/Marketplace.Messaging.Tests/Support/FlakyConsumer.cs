using System.Collections.Concurrent;
using Dapper;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

public sealed record FlakyThing
{
    public required Guid ThingId { get; init; }
}

/// <summary>Fails a set number of attempts per thing, after writing its effect, then succeeds.</summary>
public sealed class FlakyConsumer(ConsumeTransaction transaction) : IConsumer<FlakyThing>
{
    static readonly ConcurrentDictionary<Guid, int> RemainingFailures = new();
    static readonly ConcurrentDictionary<Guid, int> Redeliveries = new();

    public static void FailAttempts(Guid thing, int attempts) => RemainingFailures[thing] = attempts;

    public static int RedeliveryCount(Guid thing) => Redeliveries.GetValueOrDefault(thing);

    public async Task Consume(ConsumeContext<FlakyThing> context)
    {
        var thing = context.Message.ThingId;
        Redeliveries[thing] = context.GetRedeliveryCount();
        await transaction.Connection.ExecuteAsync(
            "INSERT INTO effects (thing_id, message_id) VALUES (@thing, @MessageId)", new { thing, context.MessageId }, transaction.Transaction);

        // After the effect's write: a failure must roll it back.
        if (RemainingFailures.AddOrUpdate(thing, -1, (_, remaining) => remaining - 1) >= 0)
        {
            throw new InvalidOperationException("Injected consumer failure.");
        }
    }
}
