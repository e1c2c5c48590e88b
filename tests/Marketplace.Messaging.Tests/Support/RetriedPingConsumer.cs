using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>
/// Asks to answer a ping after its commit, then fails its first attempt; the retry asks to answer with an empty id. Only
/// the retry's answer may leave: the first attempt rolled back, and what it asked for with it.
/// </summary>
public sealed class RetriedPingConsumer(ConsumeTransaction transaction) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        var first = context.GetRetryAttempt() == 0;
        var answer = new Pong { PingId = first ? context.Message.PingId : Guid.Empty };
        transaction.AfterCommit(original => original.RespondAsync(answer));
        return first ? throw new InvalidOperationException("The first attempt fails after asking for its answer.") : Task.CompletedTask;
    }
}
