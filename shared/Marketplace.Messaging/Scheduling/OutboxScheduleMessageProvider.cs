using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Scheduling;
using Npgsql;

namespace Marketplace.Messaging.Scheduling;

/// <summary>
/// Durable scheduling without RabbitMQ's delayed-exchange plugin: a scheduled message is a send with a delay,
/// captured into <c>outbox_messages</c> with <c>not_before</c> = the due time and relayed when due; it survives
/// restarts because it is a row. Inside a transactional consume the row joins the consume transaction (a saga's
/// schedule commits with its state); outside one — a redelivery scheduled after the consume transaction rolled
/// back — it is written in a transaction of its own. Cancelling deletes the row; a timeout that was already
/// sent is discarded on arrival by the saga's token check (<c>MT-Scheduling-TokenId</c>).
/// </summary>
sealed class OutboxScheduleMessageProvider(ConsumeContext context, NpgsqlDataSource dataSource) : IScheduleMessageProvider
{
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(
        Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        if (context is ITransactionalConsumeContext)
        {
            return await new DelayedScheduleMessageProvider(context).ScheduleSend(destinationAddress, scheduledTime, message, pipe, cancellationToken);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outbox = new OutboxSendEndpointProvider(new StandaloneOutbox(transaction), context);
        var scheduled = await new DelayedScheduleMessageProvider(outbox).ScheduleSend(destinationAddress, scheduledTime, message, pipe, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return scheduled;
    }

    public async Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken)
    {
        if (context is ITransactionalConsumeContext transactional)
        {
            await OutboxStore.DeleteScheduledAsync(transactional.Transaction, tokenId, cancellationToken);
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await OutboxStore.DeleteScheduledAsync(transaction, tokenId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        CancelScheduledSend(tokenId, cancellationToken);

    /// <summary>Captures sends into <c>outbox_messages</c> in a transaction of the provider's own.</summary>
    sealed class StandaloneOutbox(NpgsqlTransaction transaction) : OutboxSendContext
    {
        public Task AddSend<T>(SendContext<T> context)
            where T : class =>
            OutboxStore.InsertAsync(transaction, OutboxEnvelope.Capture(context), context.CancellationToken);

        public object? GetService(Type serviceType) => null;
    }
}
