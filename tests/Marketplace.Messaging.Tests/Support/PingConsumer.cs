using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>Answers a request from inside the consume transaction, so that the response goes through the outbox.</summary>
public sealed class PingConsumer : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context) => context.RespondAsync(new Pong { PingId = context.Message.PingId });
}
