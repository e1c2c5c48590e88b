using MassTransit;
using MassTransit.Batching;
using MassTransit.Context;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using Microsoft.Extensions.Logging;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// Runs a batch consumer (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>) on a batch of deliveries inside one database transaction
/// that starts with their inbox rows: one commit for many messages instead of one each. The consumer sees only the
/// messages it has not consumed before (the first copy of each). If it fails, nothing of the batch commits and each of
/// its messages is retried by the endpoint's policy, without waiting for a batch to fill: the others commit in the
/// batches they land in next, and a message that keeps failing ends, as any other, in redelivery and the error queue.
/// </summary>
sealed partial class TransactionalBatchConsumeFilter<TMessage>(
    IConsumeScopeProvider scopeProvider,
    OutboxConsumeOptions options,
    string consumerId,
    ILogger<TransactionalBatchConsumeFilter<TMessage>> logger) : IFilter<ConsumeContext<Batch<TMessage>>>
    where TMessage : class
{
    public Task Send(ConsumeContext<Batch<TMessage>> context, IPipe<ConsumeContext<Batch<TMessage>>> next) =>
        TransactionalConsume.RunAsync(scopeProvider, context, next, options, consumerId, logger, async (transaction, inScope) =>
        {
            var batch = context.Message;
            var deliveries = batch.Select(message => (Id: InboxMessageId.Of(message), Message: message)).ToList();
            var fresh = await InboxStore.RecordNewAsync(transaction, deliveries.Select(d => d.Id), consumerId, context.CancellationToken);

            // The first copy of each message not consumed before; a second copy in the same batch is a duplicate too.
            var admitted = deliveries.Where(d => fresh.Remove(d.Id)).Select(d => d.Message).ToList();
            if (admitted.Count < deliveries.Count)
            {
                LogDuplicates(deliveries.Count - admitted.Count, deliveries.Count, consumerId);
            }

            return admitted.Count == deliveries.Count ? inScope
                : admitted.Count == 0 ? null
                : new BatchConsumeContext<TMessage>(inScope, new MessageBatch<TMessage>(batch.FirstMessageReceived, batch.LastMessageReceived, batch.Mode, admitted));
        });

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactionalBatchInbox").Add("consumerId", consumerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Duplicates} of {Count} messages in a batch were already consumed by {ConsumerId}; skipped")]
    partial void LogDuplicates(int duplicates, int count, string consumerId);
}
