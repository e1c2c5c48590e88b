using Marketplace.Api.Context;
using Marketplace.Payments.Events;
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
        ObjectEvents.PublishAsync(transaction, type, context.PlatformId, context.AccountId, customerJson, previousAttributesJson,
            context.RequestId, context.IdempotencyKey, cancellationToken);
}
