using Marketplace.Messaging.Inbox;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Messaging.Topology;

/// <summary>What every receive endpoint of every service gets.</summary>
static class EndpointConventions
{
    const int ConflictRetries = 30;

    public static void Apply(IRegistrationContext context, IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitMq)
        {
            // Replicated, durable queues: a broker node can fail without losing accepted messages.
            rabbitMq.SetQuorumQueue();
        }

        // Each message in flight holds a database connection for its transaction. A service with several endpoints
        // can have more in flight than its pool holds (deploy/local caps each app at 40 of PostgreSQL's 400): the
        // excess waits for a connection instead of failing.
        endpoint.PrefetchCount = 64;
        endpoint.ConcurrentMessageLimit = 32;

        // Outermost first: redelivery sees only what the retries gave up on.
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        endpoint.UseScheduledRedelivery(redelivery => redelivery.Intervals(options.EffectiveRedeliveryIntervals));
        endpoint.UseMessageRetry(retry =>
        {
            retry.Ignore<ConcurrencyException>();
            retry.Intervals(options.EffectiveRetryIntervals);
        });

        // A saga version conflict means another message just changed the instance: retry soon on fresh state,
        // with jitter so that the messages that lost one race do not all meet again in the next.
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<ConcurrencyException>();
            retry.Exponential(ConflictRetries, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10));
        });

        var observer = new TransactionalConsumeObserver(endpoint, context);
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
    }
}
