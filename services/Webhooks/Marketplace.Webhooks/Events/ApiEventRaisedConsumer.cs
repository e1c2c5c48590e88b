using Marketplace.Api.Objects;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Messaging.Inbox;
using Marketplace.Webhooks.Deliveries;
using Marketplace.Webhooks.WebhookEndpoints;
using MassTransit;

namespace Marketplace.Webhooks.Events;

/// <summary>
/// Records raised events once and, in the same transaction, starts each one's delivery to every enabled endpoint of
/// the platform that subscribes to its type: Connect endpoints for a connected account's events, the others for the
/// platform's own. Events come in batches, one transaction and one commit for all of them, in the order they were
/// received. A redelivered message is skipped by the inbox; the same fact published twice (a second message with the
/// same event id) finds the event stored and starts nothing.
/// </summary>
public sealed partial class ApiEventRaisedConsumer(ConsumeTransaction transaction, ILogger<ApiEventRaisedConsumer> logger) : IConsumer<Batch<ApiEventRaised>>
{
    public async Task Consume(ConsumeContext<Batch<ApiEventRaised>> context)
    {
        var cancellationToken = context.CancellationToken;
        var database = transaction.Transaction;

        // Locked for the whole transaction: the batch's other events of the same kind find the same subscribers.
        var subscribers = new Dictionary<(string PlatformId, bool Connect, string Type), IReadOnlyList<string>>();
        foreach (var raised in context.Message.Select(m => m.Message))
        {
            var kind = (raised.PlatformId, Connect: raised.AccountId != raised.PlatformId, raised.Type);
            if (!subscribers.TryGetValue(kind, out var endpoints))
            {
                endpoints = await WebhookEndpointStore.LockSubscribersAsync(database, kind.PlatformId, kind.Connect, kind.Type, cancellationToken);
                subscribers[kind] = endpoints;
            }

            var record = EventRecord.From(raised);
            var payload = StripeJson.Serialize(record.ToEvent(pendingWebhooks: endpoints.Count));
            if (!await EventStore.InsertAsync(database, record, payload, cancellationToken))
            {
                LogAlreadyRecorded(raised.EventId);
                continue;
            }

            foreach (var endpointId in endpoints)
            {
                await DeliveryStore.StartAsync(database, raised.EventId, endpointId, record.ObjectId, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} is already recorded; this copy is ignored")]
    partial void LogAlreadyRecorded(string eventId);
}
