using Marketplace.Api.Context;
using Marketplace.Payments.Events;
using Npgsql;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// Announces <c>payment_method.attached</c>, <c>.detached</c> and <c>.updated</c> through the outbox, in the
/// transaction that made the change. Stripe sends no event for a created method, so neither does this.
/// </summary>
internal static class PaymentMethodEvents
{
    public const string Attached = "payment_method.attached";
    public const string Detached = "payment_method.detached";
    public const string Updated = "payment_method.updated";

    public static Task PublishAsync(
        NpgsqlTransaction transaction,
        RequestContext context,
        string type,
        string paymentMethodJson,
        string? previousAttributesJson,
        CancellationToken cancellationToken) =>
        PublishAsync(
            transaction, context.PlatformId, context.AccountId, context.RequestId, context.IdempotencyKey, type, paymentMethodJson, previousAttributesJson,
            cancellationToken);

    /// <summary>The same for a change a request did not make (a setup intent completed on the hosted page attaches its method).</summary>
    public static Task PublishAsync(
        NpgsqlTransaction transaction,
        string platformId,
        string accountId,
        string? requestId,
        string? idempotencyKey,
        string type,
        string paymentMethodJson,
        string? previousAttributesJson,
        CancellationToken cancellationToken) =>
        ObjectEvents.PublishAsync(transaction, type, platformId, accountId, paymentMethodJson, previousAttributesJson, requestId, idempotencyKey,
            cancellationToken);
}
