using Marketplace.Api.Context;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
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
        transaction.PublishAsync(new ApiEventRaised
        {
            EventId = PrefixedId.New("evt"),
            Type = type,
            PlatformId = context.PlatformId,
            AccountId = context.AccountId,
            ObjectJson = paymentMethodJson,
            PreviousAttributesJson = previousAttributesJson,
            RequestId = context.RequestId,
            IdempotencyKey = context.IdempotencyKey,
            Created = DateTimeOffset.UtcNow,
        }, cancellationToken);
}
