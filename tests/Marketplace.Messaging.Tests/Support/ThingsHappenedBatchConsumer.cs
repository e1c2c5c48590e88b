using System.Collections.Concurrent;
using Dapper;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>
/// Writes every message's effect in one statement, then fails the attempt if a thing in the batch still has failures
/// to give: the whole batch's effects must roll back with it.
/// </summary>
public sealed class ThingsHappenedBatchConsumer(ConsumeTransaction transaction) : IConsumer<Batch<ThingHappened>>
{
    static readonly ConcurrentDictionary<Guid, int> RemainingFailures = new();

    /// <summary>The size of every batch the consumer was given, committed or not.</summary>
    public static ConcurrentQueue<int> BatchSizes { get; } = new();

    public static void FailAttempts(Guid thing, int attempts) => RemainingFailures[thing] = attempts;

    public async Task Consume(ConsumeContext<Batch<ThingHappened>> context)
    {
        BatchSizes.Enqueue(context.Message.Length);
        await transaction.Connection.ExecuteAsync(
            "INSERT INTO effects (thing_id, message_id) SELECT * FROM unnest(@things, @messages)",
            new { things = context.Message.Select(m => m.Message.ThingId).ToArray(), messages = context.Message.Select(m => m.MessageId!.Value).ToArray() },
            transaction.Transaction);

        if (context.Message.Any(m => RemainingFailures.AddOrUpdate(m.Message.ThingId, -1, (_, remaining) => remaining - 1) >= 0))
        {
            throw new InvalidOperationException("Injected batch failure.");
        }
    }
}

/// <summary>Batches of up to ten, each waiting at most 200 ms for the rest.</summary>
public sealed class ThingsHappenedBatchConsumerDefinition : ConsumerDefinition<ThingsHappenedBatchConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ThingsHappenedBatchConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(10).SetTimeLimit(ms: 200));
}
