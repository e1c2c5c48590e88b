using Marketplace.Messaging.Inbox;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;

namespace Marketplace.Messaging.Sagas;

public static class PostgresSagaRepositoryExtensions
{
    /// <summary>Stores this saga's instances in the service database's <c>saga_instances</c> table.</summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga, ISagaVersion
    {
        configurator.Repository(r => r.RegisterSagaRepository<
            TSaga,
            ConsumeTransaction,
            SagaConsumeContextFactory<ConsumeTransaction, TSaga>,
            PostgresSagaRepositoryContextFactory<TSaga>>());
        return configurator;
    }
}
