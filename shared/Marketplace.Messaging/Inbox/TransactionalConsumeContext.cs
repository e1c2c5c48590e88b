using Marketplace.Messaging.Outbox;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Npgsql;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// The consume context a transactional consumer sees: everything it publishes or sends (including saga schedules,
/// which are sends with a delay) is written to <c>outbox_messages</c> in the consume transaction instead of going to
/// the broker. MassTransit's outbox proxy routes those calls to <see cref="AddSend{T}"/>; the members about
/// MassTransit's own outbox bookkeeping do not apply, because our relay, not the consume pipe, delivers.
/// </summary>
sealed class TransactionalConsumeContext<TMessage>(
    ConsumeContext<TMessage> context,
    OutboxConsumeOptions options,
    IServiceProvider provider,
    NpgsqlTransaction transaction)
    : OutboxConsumeContextProxy<TMessage>(context, options, provider), ITransactionalConsumeContext
    where TMessage : class
{
    public NpgsqlTransaction Transaction { get; } = transaction;

    public override bool ContinueProcessing { get; set; } = true;

    public override bool IsMessageConsumed => false;

    public override bool IsOutboxDelivered => false;

    public override int ReceiveCount => 0;

    public override long? LastSequenceNumber => null;

    public override Task AddSend<T>(SendContext<T> context) => OutboxStore.InsertAsync(Transaction, OutboxEnvelope.Capture(context), CancellationToken);

    public override Task SetConsumed() => Task.CompletedTask;

    public override Task SetDelivered() => Task.CompletedTask;

    public override Task<List<OutboxMessageContext>> LoadOutboxMessages() => Task.FromResult(new List<OutboxMessageContext>());

    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message) => Task.CompletedTask;

    public override Task RemoveOutboxMessages() => Task.CompletedTask;
}
