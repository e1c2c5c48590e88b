using Marketplace.Api.Objects;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Ledger.Topups;

/// <summary><c>topup.created</c>, <c>topup.succeeded</c>, <c>topup.canceled</c>, in the transaction that made the change.</summary>
internal static class TopupEvents
{
    public static Task PublishAsync(
        NpgsqlTransaction transaction, string type, Topup topup, string platformId, string? requestId, string? idempotencyKey, CancellationToken cancellationToken) =>
        transaction.PublishAsync(new ApiEventRaised
        {
            EventId = PrefixedId.New("evt"),
            Type = type,
            PlatformId = platformId,
            AccountId = platformId,
            ObjectJson = StripeJson.Serialize(topup),
            RequestId = requestId,
            IdempotencyKey = idempotencyKey,
            Created = DateTimeOffset.UtcNow,
        }, cancellationToken);
}
