using MassTransit;

namespace Marketplace.Messaging.Tests.Sagas;

public sealed class CounterState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public int Count { get; set; }

    public int Elapsed { get; set; }

    public Guid? TimerTokenId { get; set; }
}
