using Dapper;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Messaging.Tests.Sagas;

/// <summary>Records every <see cref="CountChanged"/> it receives, so a test can count what the saga published.</summary>
public sealed class CountChangedConsumer(ConsumeTransaction transaction) : IConsumer<CountChanged>
{
    public Task Consume(ConsumeContext<CountChanged> context) =>
        transaction.Connection.ExecuteAsync(
            "INSERT INTO effects (thing_id, message_id) VALUES (@CounterId, @MessageId)",
            new { context.Message.CounterId, context.MessageId },
            transaction.Transaction);
}
