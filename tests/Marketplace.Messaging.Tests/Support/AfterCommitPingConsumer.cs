using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>
/// Answers a ping right after its transaction commits, not through the outbox: the answer leaves only if the
/// transaction does commit. A ping whose id starts with zeros fails after asking for the answer (its transaction rolls back).
/// </summary>
public sealed class AfterCommitPingConsumer(ConsumeTransaction transaction) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        var ping = context.Message;
        transaction.AfterCommit(original => original.RespondAsync(new Pong { PingId = ping.PingId }));
        return ping.PingId.ToString("N").StartsWith("0000", StringComparison.Ordinal)
            ? throw new InvalidOperationException("Failing after asking for the answer: the answer must not leave.")
            : Task.CompletedTask;
    }
}
