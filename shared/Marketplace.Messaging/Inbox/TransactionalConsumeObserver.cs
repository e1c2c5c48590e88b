using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// Puts the <see cref="TransactionalConsumeFilter{TMessage}"/> in front of every consumer and saga message on one
/// receive endpoint — the <see cref="TransactionalBatchConsumeFilter{TMessage}"/> in front of a batch consumer — the
/// way MassTransit's own outbox storage providers hook in.
/// </summary>
sealed class TransactionalConsumeObserver(IReceiveEndpointConfigurator endpoint, IRegistrationContext registration)
    : IConsumerConfigurationObserver, ISagaConfigurationObserver
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class =>
        AddFilter<TConsumer, TMessage>((IConsumerMessageConfigurator<TMessage>)configurator);

    public void SagaConfigured<TSaga>(ISagaConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
    {
    }

    public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
        where TInstance : class, ISaga, SagaStateMachineInstance
    {
    }

    public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
        where TSaga : class, ISaga
        where TMessage : class =>
        AddFilter<TSaga, TMessage>((ISagaMessageConfigurator<TMessage>)configurator);

    void AddFilter<TConsumer, TMessage>(IPipeConfigurator<ConsumeContext<TMessage>> configurator)
        where TMessage : class
    {
        // A batch consumer's pipe carries Batch<T>: its inbox records each message of the batch, under the message's
        // type, so that a consumer taking its messages one at a time or in batches is one consumer to the inbox.
        var batchOf = typeof(TMessage).IsGenericType && typeof(TMessage).GetGenericTypeDefinition() == typeof(Batch<>)
            ? typeof(TMessage).GetGenericArguments()[0]
            : null;
        var endpointName = endpoint.InputAddress.GetEndpointName();
        var consumerId = $"{endpointName}/{typeof(TConsumer).FullName}/{(batchOf ?? typeof(TMessage)).FullName}";
        var options = new OutboxConsumeOptions { ConsumerType = typeof(TConsumer).Name };
        var scopeProvider = new ConsumeScopeProvider(registration);
        var filterType = batchOf is null
            ? typeof(TransactionalConsumeFilter<TMessage>)
            : typeof(TransactionalBatchConsumeFilter<>).MakeGenericType(batchOf);
        var logger = registration.GetRequiredService(typeof(ILogger<>).MakeGenericType(filterType));
        var filter = (IFilter<ConsumeContext<TMessage>>)Activator.CreateInstance(filterType, scopeProvider, options, consumerId, logger)!;
        configurator.UseFilter(filter);
    }
}
