using MassTransit;

namespace Marketplace.Webhooks.Events;

/// <summary>
/// Names the queue after the service: other services may consume <c>ApiEventRaised</c> too, each on its own queue.
/// Events are taken sixteen at a time, one batch at a time (batches side by side could lock the same deliveries'
/// objects in opposite orders); a batch waits at most 10 ms for its last event, little beside a webhook's own delivery.
/// </summary>
public sealed class ApiEventRaisedConsumerDefinition : ConsumerDefinition<ApiEventRaisedConsumer>
{
    public ApiEventRaisedConsumerDefinition() => EndpointName = "webhooks-api-events";

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ApiEventRaisedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(16).SetConcurrencyLimit(1).SetTimeLimit(ms: 10));
}
