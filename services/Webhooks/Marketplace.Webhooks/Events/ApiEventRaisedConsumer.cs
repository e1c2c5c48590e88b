using Marketplace.Api.Objects;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Messaging.Inbox;
using Marketplace.Webhooks.Deliveries;
using Marketplace.Webhooks.WebhookEndpoints;
using MassTransit;

namespace Marketplace.Webhooks.Events;

/// <summary>
/// Records a raised event once and, in the same transaction, starts its delivery to every enabled endpoint of the
/// platform that subscribes to its type: Connect endpoints for a connected account's events, the others for the
/// platform's own. A redelivered message is skipped by the inbox; the same fact published twice (a second message
/// with the same event id) finds the event stored and starts nothing.
/// </summary>
public sealed partial class ApiEventRaisedConsumer(ConsumeTransaction transaction, ILogger<ApiEventRaisedConsumer> logger) : IConsumer<ApiEventRaised>
{
    public async Task Consume(ConsumeContext<ApiEventRaised> context)
    {
        var raised = context.Message;
        var cancellationToken = context.CancellationToken;
        var database = transaction.Transaction;
        var record = EventRecord.From(raised);

        var endpoints = await WebhookEndpointStore.LockSubscribersAsync(
            database, raised.PlatformId, connect: raised.AccountId != raised.PlatformId, raised.Type, cancellationToken);
        var payload = StripeJson.Serialize(record.ToEvent(pendingWebhooks: endpoints.Count));
        if (!await EventStore.InsertAsync(database, record, payload, cancellationToken))
        {
            LogAlreadyRecorded(raised.EventId);
            return;
        }

        foreach (var endpointId in endpoints)
        {
            await DeliveryStore.StartAsync(database, raised.EventId, endpointId, record.ObjectId, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} is already recorded; this copy is ignored")]
    partial void LogAlreadyRecorded(string eventId);
}
