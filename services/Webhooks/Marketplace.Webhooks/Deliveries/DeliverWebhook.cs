namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// Make attempt <see cref="Attempt"/> (from 1) at delivering an event to one endpoint. A command of this service to
/// itself, sent and scheduled through its own outbox to its own queue; no other service sends it, which is why it
/// lives here rather than in Marketplace.Contracts.
/// </summary>
public sealed record DeliverWebhook
{
    /// <summary>
    /// The exchange MassTransit binds to the consumer's queue. Not <c>queue:</c>: sending there re-declares the queue
    /// as a classic one, which RabbitMQ refuses for the quorum queue it is (and the send never completes).
    /// </summary>
    public static readonly Uri Address = new($"exchange:{DeliverWebhookConsumerDefinition.QueueName}");

    public required string EventId { get; init; }

    public required string EndpointId { get; init; }

    public required int Attempt { get; init; }
}
