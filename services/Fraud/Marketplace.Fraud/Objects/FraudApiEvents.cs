using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;

namespace Marketplace.Fraud.Objects;

/// <summary>
/// The Stripe events Fraud raises (<c>review.opened</c>, <c>review.closed</c>, <c>radar.early_fraud_warning.created</c>),
/// published through the outbox in the transaction that made the change: the event exists if and only if the change does.
/// </summary>
internal static class FraudApiEvents
{
    public const string ReviewOpened = "review.opened";
    public const string ReviewClosed = "review.closed";
    public const string EarlyFraudWarningCreated = "radar.early_fraud_warning.created";

    public static ApiEventRaised Create(string type, string platformId, string accountId, string objectJson, string? requestId = null, string? idempotencyKey = null) => new()
    {
        EventId = PrefixedId.New("evt"),
        Type = type,
        PlatformId = platformId,
        AccountId = accountId,
        ObjectJson = objectJson,
        RequestId = requestId,
        IdempotencyKey = idempotencyKey,
        Created = DateTimeOffset.UtcNow,
    };
}
