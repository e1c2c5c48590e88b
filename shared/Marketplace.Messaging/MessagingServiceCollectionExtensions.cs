using System.Globalization;
using Marketplace.Messaging.DeadLetters;
using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using Marketplace.Messaging.Scheduling;
using Marketplace.Messaging.Topology;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Marketplace.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an <c>amqp://</c> URI) with the Postgres backbone:
    /// every consumer and saga runs in a transaction with its inbox row and its outgoing messages, and the
    /// outbox relay sends committed messages. Call after <c>AddServiceDatabase</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null, string? endpointPrefix = null)
    {
        var broker = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured.");

        builder.Services.AddScoped<ConsumeTransaction>();
        builder.Services.AddSingleton<OutboxRelaySignal>();
        builder.Services.AddSingleton<DeadLetterQueues>();
        builder.Services.AddOptions<OutboxRelayOptions>().BindConfiguration("Messaging:Outbox");
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration("Messaging");

        builder.Services.AddMassTransit(bus =>
        {
            // Each service's queues carry its name: two services consuming the same event with consumers of the same
            // name (the gateway's and the Ledger's ConnectedAccountCreatedConsumer) must each get every message, not
            // compete for it on one shared queue.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(
                endpointPrefix is null ? null : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(endpointPrefix), false));
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => EndpointConventions.Apply(context, endpoint));
            // A self-hosted payments platform does not report its hosts to a third party (MassTransit's default does).
            bus.DisableUsageTelemetry();
            configure?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                rabbitMq.Host(new Uri(broker));
                rabbitMq.AddPrePipeSpecification(new OutboxMessageSchedulerFilter(context.GetRequiredService<NpgsqlDataSource>()));
                rabbitMq.ConfigureEndpoints(context);
            });
        });

        // Start-up completes only once every receive endpoint (queue and bindings) exists: a message published
        // earlier to an exchange with no bound queue would be dropped by RabbitMQ.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host => host.WaitUntilStarted = true);
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHostedService<InboxCleanup>();
        return builder;
    }
}
