using Marketplace.Messaging.Inbox;
using MassTransit;
using MassTransit.Saga;

namespace Marketplace.Messaging.Sagas;

/// <summary>
/// MassTransit's entry point to our saga persistence; resolved per message from the consume scope, which holds the
/// transaction the <see cref="TransactionalConsumeFilter{TMessage}"/> opened.
/// </summary>
sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    ConsumeTransaction consumeTransaction,
    ISagaConsumeContextFactory<ConsumeTransaction, TSaga> factory) : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        next.Send(new PostgresSagaRepositoryContext<TSaga, T>(consumeTransaction, context, factory));

    /// <summary>Sagas here correlate by id only: a query by other properties would need an index per saga type.</summary>
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException($"Saga {typeof(TSaga).Name} must correlate {typeof(T).Name} by CorrelationId.");

    public void Probe(ProbeContext context) => context.Add("persistence", "postgres");
}
