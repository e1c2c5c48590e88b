using Marketplace.Api.Objects;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Payments.Events;

/// <summary>
/// Raises a Stripe event about a Payments object (<c>payment_intent.succeeded</c>, <c>customer.updated</c>…) through
/// the outbox, in the transaction that changed the object; the Webhooks service records and delivers it.
/// </summary>
public static class ObjectEvents
{
    /// <param name="requestId">The API request that caused it; null for what a saga or a consumer did on its own.</param>
    public static Task PublishAsync(
        NpgsqlTransaction transaction, string type, string platformId, string accountId, StripeObject value, string? requestId = null,
        string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        PublishAsync(transaction, type, platformId, accountId, StripeJson.Serialize(value), null, requestId, idempotencyKey, cancellationToken);

    /// <param name="objectJson">The object as the API renders it.</param>
    /// <param name="previousAttributesJson">For <c>*.updated</c>: the changed fields' previous values.</param>
    public static Task PublishAsync(
        NpgsqlTransaction transaction, string type, string platformId, string accountId, string objectJson, string? previousAttributesJson,
        string? requestId, string? idempotencyKey, CancellationToken cancellationToken) =>
        transaction.PublishAsync(new ApiEventRaised
        {
            EventId = PrefixedId.New("evt"),
            Type = type,
            PlatformId = platformId,
            AccountId = accountId,
            ObjectJson = objectJson,
            PreviousAttributesJson = previousAttributesJson,
            RequestId = requestId,
            IdempotencyKey = idempotencyKey,
            Created = DateTimeOffset.UtcNow,
        }, cancellationToken);
}
