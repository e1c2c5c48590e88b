using Marketplace.Api.Context;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Payments.Customers;

/// <summary>
/// Announces <c>customer.created</c>, <c>customer.updated</c> and <c>customer.deleted</c> through the outbox, in the
/// transaction that made the change: the event exists if and only if the change does.
/// </summary>
internal static class CustomerEvents
{
    public const string Created = "customer.created";
    public const string Updated = "customer.updated";
    public const string Deleted = "customer.deleted";

    public static Task PublishAsync(
        NpgsqlTransaction transaction,
        RequestContext context,
        string type,
        string customerJson,
        string? previousAttributesJson,
        CancellationToken cancellationToken) =>
        transaction.PublishAsync(new ApiEventRaised
        {
            EventId = PrefixedId.New("evt"),
            Type = type,
            PlatformId = context.PlatformId,
            AccountId = context.AccountId,
            ObjectJson = customerJson,
            PreviousAttributesJson = previousAttributesJson,
            RequestId = context.RequestId,
            IdempotencyKey = context.IdempotencyKey,
            Created = DateTimeOffset.UtcNow,
        }, cancellationToken);
}
