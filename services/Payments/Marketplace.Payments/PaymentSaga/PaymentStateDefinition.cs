using MassTransit;

namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// The saga's endpoint: messages about one attempt are taken one at a time (partitioned by charge), so that its
/// steps do not race each other into version conflicts, while different payments proceed in parallel.
/// </summary>
public sealed class PaymentStateDefinition : SagaDefinition<PaymentAttemptState>
{
    const int Partitions = 32;

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<PaymentAttemptState> sagaConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        ArgumentNullException.ThrowIfNull(sagaConfigurator);
        var partition = endpointConfigurator.CreatePartitioner(Partitions);
        sagaConfigurator.Message<Contracts.Fraud.PaymentAssessed>(m => m.UsePartitioner(partition, c => PaymentSagaId.For(c.Message.PaymentId)));
        sagaConfigurator.Message<Contracts.Ledger.ChargePosted>(m => m.UsePartitioner(partition, c => PaymentSagaId.For(c.Message.ChargeId)));
        sagaConfigurator.Message<Authentication.ChallengeCompleted>(m => m.UsePartitioner(partition, c => PaymentSagaId.For(c.Message.Reference)));
        sagaConfigurator.Message<CaptureRequested>(m => m.UsePartitioner(partition, c => PaymentSagaId.For(c.Message.ChargeId)));
        sagaConfigurator.Message<VoidRequested>(m => m.UsePartitioner(partition, c => PaymentSagaId.For(c.Message.ChargeId)));
        sagaConfigurator.Message<FraudAssessmentOverdue>(m => m.UsePartitioner(partition, c => PaymentSagaId.For(c.Message.ChargeId)));
        sagaConfigurator.Message<SepaDebitDue>(m => m.UsePartitioner(partition, c => PaymentSagaId.For(c.Message.ChargeId)));
    }
}
