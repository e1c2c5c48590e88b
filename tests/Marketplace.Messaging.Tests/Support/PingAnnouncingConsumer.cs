using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>Announces each ping as a thing that happened, written to the outbox through the consume transaction rather than the context.</summary>
public sealed class PingAnnouncingConsumer(ConsumeTransaction transaction) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context) =>
        transaction.Transaction.PublishAsync(new ThingHappened { ThingId = context.Message.PingId }, context.CancellationToken);
}
