using Marketplace.Messaging.Inbox;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace Marketplace.Messaging.Sagas;

/// <summary>
/// Loads and stores saga instances in the consume transaction, so a saga's new state commits together with the
/// inbox row and every message the state machine published, sent or scheduled for this event.
/// </summary>
sealed class PostgresSagaRepositoryContext<TSaga, TMessage>(
    ConsumeTransaction consumeTransaction,
    ConsumeContext<TMessage> consumeContext,
    ISagaConsumeContextFactory<ConsumeTransaction, TSaga> factory)
    : ConsumeContextScope<TMessage>(consumeContext), SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    readonly ConsumeContext<TMessage> _consumeContext = consumeContext;

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(consumeTransaction, context, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(consumeTransaction, _consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance) =>
        await SagaStore<TSaga>.TryInsertAsync(consumeTransaction.Transaction, instance, CancellationToken)
            ? await factory.CreateSagaConsumeContext(consumeTransaction, _consumeContext, instance, SagaConsumeContextMode.Insert)
            : null;

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId) =>
        await SagaStore<TSaga>.LoadAsync(consumeTransaction.Transaction, correlationId, CancellationToken) is { } instance
            ? await factory.CreateSagaConsumeContext(consumeTransaction, _consumeContext, instance, SagaConsumeContextMode.Load)
            : null;

    /// <summary>Saves an instance created in memory by an initial event; two such first events race on the key, and the loser retries.</summary>
    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        if (!await SagaStore<TSaga>.TryInsertAsync(consumeTransaction.Transaction, context.Saga, CancellationToken))
        {
            throw new SagaConcurrencyException(typeof(TSaga), context.Saga.CorrelationId, 0);
        }
    }

    public Task Update(SagaConsumeContext<TSaga> context) =>
        SagaStore<TSaga>.UpdateAsync(consumeTransaction.Transaction, context.Saga, CancellationToken);

    public Task Delete(SagaConsumeContext<TSaga> context) =>
        SagaStore<TSaga>.DeleteAsync(consumeTransaction.Transaction, context.Saga, CancellationToken);

    // Nothing to release: an instance that is neither saved nor updated simply is not written, and a failure
    // rolls the whole consume transaction back.
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;
}
