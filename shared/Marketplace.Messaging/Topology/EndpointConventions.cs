using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Messaging.Topology;

/// <summary>What every receive endpoint of every service gets.</summary>
static class EndpointConventions
{
    /// <summary>
    /// Retries run the whole consume transaction again; the short first steps resolve saga version conflicts
    /// between competing consumers, the later ones ride out a database or broker blip. A message that still fails
    /// goes to the endpoint's <c>_error</c> queue, where an operator can inspect and replay it.
    /// </summary>
    static readonly TimeSpan[] RetryIntervals =
    [
        TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
    ];

    public static void Apply(IRegistrationContext context, IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitMq)
        {
            // Replicated, durable queues: a broker node can fail without losing accepted messages.
            rabbitMq.SetQuorumQueue();
        }

        endpoint.PrefetchCount = 64;
        endpoint.ConcurrentMessageLimit = 32;
        endpoint.UseMessageRetry(retry => retry.Intervals(RetryIntervals));

        var observer = new TransactionalConsumeObserver(endpoint, context);
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
    }
}
