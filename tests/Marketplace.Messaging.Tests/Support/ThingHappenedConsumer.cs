using Dapper;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>A consumer whose effect is a row in <c>effects</c>, written in the consume transaction; no unique key, so a duplicate effect would show.</summary>
public sealed class ThingHappenedConsumer(ConsumeTransaction transaction) : IConsumer<ThingHappened>
{
    public Task Consume(ConsumeContext<ThingHappened> context) =>
        transaction.Connection.ExecuteAsync(
            "INSERT INTO effects (thing_id, message_id) VALUES (@ThingId, @MessageId)",
            new { context.Message.ThingId, context.MessageId },
            transaction.Transaction);
}
