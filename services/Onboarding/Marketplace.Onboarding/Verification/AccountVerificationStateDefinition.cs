using MassTransit;

namespace Marketplace.Onboarding.Verification;

/// <summary>
/// The saga's endpoint. Retries, redelivery and the transactional outbox come from the service's endpoint
/// conventions; here, messages about one account are taken one at a time (partitioned by account) so that its
/// steps do not race each other into version conflicts, while different accounts proceed in parallel.
/// </summary>
public sealed class AccountVerificationStateDefinition : SagaDefinition<AccountVerificationState>
{
    const int Partitions = 16;

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<AccountVerificationState> sagaConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        ArgumentNullException.ThrowIfNull(sagaConfigurator);
        var partition = endpointConfigurator.CreatePartitioner(Partitions);
        sagaConfigurator.Message<VerificationRequested>(m => m.UsePartitioner(partition, c => VerificationSagaId.For(c.Message.AccountId)));
        sagaConfigurator.Message<IdentityChecked>(m => m.UsePartitioner(partition, c => VerificationSagaId.For(c.Message.AccountId)));
        sagaConfigurator.Message<SanctionsScreened>(m => m.UsePartitioner(partition, c => VerificationSagaId.For(c.Message.AccountId)));
        sagaConfigurator.Message<VerificationDeadlinePassed>(m => m.UsePartitioner(partition, c => VerificationSagaId.For(c.Message.AccountId)));
    }
}
