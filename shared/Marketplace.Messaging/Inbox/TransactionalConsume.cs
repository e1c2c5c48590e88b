using Marketplace.Messaging.Outbox;
using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// What the inbox filters share: a consume runs in a database transaction that starts with its inbox rows; the
/// consumer's writes, its saga state and its outgoing messages commit with them, or not at all (and the retry policy
/// around the filter runs the whole transaction again).
/// </summary>
static partial class TransactionalConsume
{
    /// <summary>
    /// Opens the transaction, lets <paramref name="admit"/> record the inbox rows and say what the consumer is to see
    /// (null: everything was consumed before), runs the consumer on it, commits, wakes the relay if the outbox was
    /// written, then runs what the consumer asked to run after the commit.
    /// </summary>
    public static async Task RunAsync<TMessage>(
        IConsumeScopeProvider scopeProvider,
        ConsumeContext<TMessage> context,
        IPipe<ConsumeContext<TMessage>> next,
        OutboxConsumeOptions options,
        string consumerId,
        ILogger logger,
        Func<NpgsqlTransaction, ConsumeContext<TMessage>, Task<ConsumeContext<TMessage>?>> admit)
        where TMessage : class
    {
        await using var scope = await scopeProvider.GetScope(context);
        var dataSource = scope.GetService<NpgsqlDataSource>();

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        if (await admit(transaction, scope.Context) is not { } admitted)
        {
            return;
        }

        var consumeTransaction = scope.GetService<ConsumeTransaction>();
        consumeTransaction.Begin(transaction);
        var transactional = new TransactionalConsumeContext<TMessage>(admitted, options, scope.GetService<IServiceProvider>(), transaction);
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
                LogAfterCommitFailed(logger, ex, context.MessageId, consumerId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An after-commit action of message {MessageId} in {ConsumerId} failed; its effects are committed")]
    static partial void LogAfterCommitFailed(ILogger logger, Exception exception, Guid? messageId, string consumerId);
}
