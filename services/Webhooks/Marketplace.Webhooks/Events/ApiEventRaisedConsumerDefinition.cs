using MassTransit;

namespace Marketplace.Webhooks.Events;

/// <summary>Names the queue after the service: other services may consume <c>ApiEventRaised</c> too, each on its own queue.</summary>
public sealed class ApiEventRaisedConsumerDefinition : ConsumerDefinition<ApiEventRaisedConsumer>
{
    public ApiEventRaisedConsumerDefinition() => EndpointName = "webhooks-api-events";
}
