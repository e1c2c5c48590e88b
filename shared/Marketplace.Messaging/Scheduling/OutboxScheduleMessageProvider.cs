using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using MassTransit;
using MassTransit.Scheduling;

namespace Marketplace.Messaging.Scheduling;

/// <summary>
/// Durable scheduling without RabbitMQ's delayed-exchange plugin: a scheduled message is a send with a delay,
/// captured by the consume transaction into <c>outbox_messages</c> with <c>not_before</c> = the due time, and
/// relayed when due; it survives restarts because it is a row. Cancelling deletes the row in the same transaction;
/// if it was already sent, the saga's token check (<c>MT-Scheduling-TokenId</c>) discards it on arrival.
/// </summary>
sealed class OutboxScheduleMessageProvider(ConsumeContext context) : IScheduleMessageProvider
{
    public Task<ScheduledMessage<T>> ScheduleSend<T>(
        Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class =>
        new DelayedScheduleMessageProvider(TransactionalContext()).ScheduleSend(destinationAddress, scheduledTime, message, pipe, cancellationToken);

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) =>
        OutboxStore.DeleteScheduledAsync(TransactionalContext().Transaction, tokenId, cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        CancelScheduledSend(tokenId, cancellationToken);

    ITransactionalConsumeContext TransactionalContext() =>
        context as ITransactionalConsumeContext ?? throw new InvalidOperationException(
            "Messages can be scheduled only from a consumer on a transactional endpoint, or with the outbox extensions on a transaction.");
}
