using Marketplace.Messaging.Outbox;
using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// Runs one consumer (or saga) on one message inside a database transaction that starts with the inbox row:
/// a message this consumer already consumed is acknowledged as consumed and not handled again; otherwise the consumer's writes, its
/// saga state and its outgoing messages commit together with the inbox row, or not at all (and the retry policy
/// around this filter runs the whole transaction again).
/// </summary>
sealed partial class TransactionalConsumeFilter<TMessage>(
    IConsumeScopeProvider scopeProvider,
    OutboxConsumeOptions options,
    string consumerId,
    ILogger<TransactionalConsumeFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        await using var scope = await scopeProvider.GetScope(context);
        var dataSource = scope.GetService<NpgsqlDataSource>();

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);

        var messageId = InboxMessageId(context);
        if (!await InboxStore.TryRecordAsync(transaction, messageId, consumerId, context.CancellationToken))
        {
            LogDuplicate(messageId, consumerId);
            // Consumed, for MassTransit too: a delivery no consumer took would be moved to the _skipped queue.
            await context.NotifyConsumed(context, TimeSpan.Zero, consumerId);
            return;
        }

        var consumeTransaction = scope.GetService<ConsumeTransaction>();
        consumeTransaction.Begin(transaction);
        var transactional = new TransactionalConsumeContext<TMessage>(
            scope.Context, options, scope.GetService<IServiceProvider>(), transaction);
        using (scope.PushConsumeContext(transactional))
        {
            await next.Send(transactional);
            await transactional.ConsumeCompleted;
        }

        await transaction.CommitAsync(context.CancellationToken);
        if (OutboxWrites.Take(transaction))
        {
            scope.GetService<OutboxRelaySignal>().Notify();
        }

        foreach (var action in consumeTransaction.AfterCommitActions)
        {
            try
            {
                await action(context);
            }
            catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested)
            {
                LogAfterCommitFailed(ex, messageId, consumerId);
            }
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactionalInbox").Add("consumerId", consumerId);

    /// <summary>MassTransit's rule: a redelivered or re-sent copy carries its first MessageId in MT-OriginalMessageId.</summary>
    static Guid InboxMessageId(ConsumeContext context) =>
        context.Headers.Get<Guid>(MessageHeaders.OriginalMessageId)
        ?? context.MessageId
        ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "An after-commit action of message {MessageId} in {ConsumerId} failed; its effects are committed")]
    partial void LogAfterCommitFailed(Exception exception, Guid messageId, string consumerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} was already consumed by {ConsumerId}; skipped")]
    partial void LogDuplicate(Guid messageId, string consumerId);
}
