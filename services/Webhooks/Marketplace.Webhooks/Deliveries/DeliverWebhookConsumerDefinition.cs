using MassTransit;

namespace Marketplace.Webhooks.Deliveries;

/// <summary>Names the queue after the service, so that it can never be shared with another service's consumer.</summary>
public sealed class DeliverWebhookConsumerDefinition : ConsumerDefinition<DeliverWebhookConsumer>
{
    public const string QueueName = "webhooks-deliveries";

    public DeliverWebhookConsumerDefinition() => EndpointName = QueueName;
}
