using Marketplace.Messaging.Inbox;
using Marketplace.Webhooks.WebhookEndpoints;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// Makes one attempt at a delivery and records it; then the delivery succeeds, is retried later (the next attempt
/// scheduled through the outbox, so a restart loses nothing), or — after the last attempt — fails, which counts
/// towards disabling the endpoint. The consume transaction stays open across the POST so that the attempt's record
/// and what follows from it commit together; a crash in between rolls everything back and the command comes back, so
/// an endpoint may, rarely, receive an event twice (as with Stripe, whose deliveries are also at least once).
/// </summary>
public sealed partial class DeliverWebhookConsumer(
    ConsumeTransaction transaction,
    WebhookSender sender,
    IOptions<WebhookDeliveryOptions> options,
    ILogger<DeliverWebhookConsumer> logger) : IConsumer<DeliverWebhook>
{
    readonly WebhookDeliveryOptions _options = options.Value;

    public async Task Consume(ConsumeContext<DeliverWebhook> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var database = transaction.Transaction;

        if (await DeliveryStore.FindTargetAsync(database, command.EventId, command.EndpointId, command.Attempt, cancellationToken) is not { } target)
        {
            LogNothingToAttempt(command.EventId, command.EndpointId, command.Attempt);
            return;
        }

        var outcome = await sender.SendAsync(target.Url, target.Secret, target.Payload, cancellationToken);
        await DeliveryStore.RecordAttemptAsync(database, command, outcome, cancellationToken);

        if (!outcome.Succeeded && command.Attempt < _options.MaxAttempts)
        {
            var delay = _options.EffectiveRetryDelays[command.Attempt - 1];
            LogRetrying(command.EventId, command.EndpointId, command.Attempt, outcome.StatusCode, outcome.Error, delay);
            await DeliveryStore.ScheduleRetryAsync(database, command, DateTimeOffset.UtcNow + delay, cancellationToken);
            return;
        }

        await FinishAsync(command, target.ObjectId, outcome.Succeeded, cancellationToken);
    }

    async Task FinishAsync(DeliverWebhook command, string? objectId, bool succeeded, CancellationToken cancellationToken)
    {
        var database = transaction.Transaction;
        var enabled = await WebhookEndpointStore.LockForOutcomeAsync(database, command.EndpointId, cancellationToken);
        var status = succeeded ? DeliveryStatus.Succeeded : DeliveryStatus.Failed;
        if (!enabled || !await DeliveryStore.FinishAsync(database, command, objectId, status, cancellationToken))
        {
            // Disabled or deleted while the request was in flight: its deliveries were canceled with it.
            return;
        }

        if (succeeded)
        {
            await WebhookEndpointStore.CountSucceededDeliveryAsync(database, command.EndpointId, cancellationToken);
        }
        else
        {
            LogGaveUp(command.EventId, command.EndpointId, command.Attempt);
            var threshold = _options.DisableAfterFailedDeliveries;
            if (await WebhookEndpointStore.CountFailedDeliveryAsync(database, command.EndpointId, threshold, cancellationToken))
            {
                LogEndpointDisabled(command.EndpointId, threshold);
                await DeliveryStore.CancelOpenAsync(database, command.EndpointId, cancellationToken);
                return;
            }
        }

        await DeliveryStore.StartNextAsync(database, command.EndpointId, objectId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Nothing to attempt for event {EventId} to endpoint {EndpointId}, attempt {Attempt}: already made, or the delivery is no longer pending")]
    partial void LogNothingToAttempt(string eventId, string endpointId, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery of event {EventId} to endpoint {EndpointId} failed at attempt {Attempt} (status {StatusCode}, error {Error}); retrying in {Delay}")]
    partial void LogRetrying(string eventId, string endpointId, int attempt, int? statusCode, string? error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivering event {EventId} to endpoint {EndpointId} after {Attempt} attempts")]
    partial void LogGaveUp(string eventId, string endpointId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled: {Count} deliveries in a row were given up on")]
    partial void LogEndpointDisabled(string endpointId, int count);
}
