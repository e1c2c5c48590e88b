using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using Microsoft.Extensions.Logging;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// Runs one consumer (or saga) on one message inside a database transaction that starts with the inbox row: a message
/// this consumer already consumed is acknowledged as consumed and not handled again.
/// </summary>
sealed partial class TransactionalConsumeFilter<TMessage>(
    IConsumeScopeProvider scopeProvider,
    OutboxConsumeOptions options,
    string consumerId,
    ILogger<TransactionalConsumeFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next) =>
        TransactionalConsume.RunAsync(scopeProvider, context, next, options, consumerId, logger, async (transaction, inScope) =>
        {
            var messageId = InboxMessageId.Of(context);
            if (await InboxStore.TryRecordAsync(transaction, messageId, consumerId, context.CancellationToken))
            {
                return inScope;
            }

            LogDuplicate(messageId, consumerId);
            // Consumed, for MassTransit too: a delivery no consumer took would be moved to the _skipped queue.
            await context.NotifyConsumed(context, TimeSpan.Zero, consumerId);
            return null;
        });

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactionalInbox").Add("consumerId", consumerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} was already consumed by {ConsumerId}; skipped")]
    partial void LogDuplicate(Guid messageId, string consumerId);
}
