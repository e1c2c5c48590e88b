using Marketplace.Api.Context;
using Marketplace.Api.Events;
using Marketplace.Api.Objects;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Events;
using Npgsql;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// Announces a refund's life through the outbox, in the transaction that changed it: <c>refund.created</c> and
/// <c>charge.refunded</c> (the charge, with what is now refunded of it) when it is made; <c>refund.updated</c> and
/// <c>charge.refund.updated</c> when it changes; <c>refund.failed</c> besides when it fails.
/// </summary>
internal static class RefundEvents
{
    public const string Created = "refund.created";
    public const string Updated = "refund.updated";
    public const string Failed = "refund.failed";
    public const string ChargeRefunded = "charge.refunded";
    public const string ChargeRefundUpdated = "charge.refund.updated";

    public static async Task CreatedAsync(
        NpgsqlTransaction transaction, RefundRow refund, ChargeRow chargeBefore, ChargeRow chargeAfter, RequestContext request,
        CancellationToken cancellationToken)
    {
        await PublishAsync(transaction, refund, Created, StripeJson.Serialize(refund.ToRefund()), null, request, cancellationToken);
        var charge = StripeJson.Serialize(chargeAfter.ToCharge());
        await PublishAsync(
            transaction, refund, ChargeRefunded, charge, PreviousAttributes.Between(StripeJson.Serialize(chargeBefore.ToCharge()), charge), request,
            cancellationToken);
    }

    /// <summary>The events of a change from <paramref name="before"/> to <paramref name="after"/>; none when nothing a developer sees changed.</summary>
    public static async Task ChangedAsync(
        NpgsqlTransaction transaction, RefundRow before, RefundRow after, RequestContext? request, CancellationToken cancellationToken)
    {
        var json = StripeJson.Serialize(after.ToRefund());
        if (PreviousAttributes.Between(StripeJson.Serialize(before.ToRefund()), json) is not { } previous)
        {
            return;
        }

        await PublishAsync(transaction, after, Updated, json, previous, request, cancellationToken);
        await PublishAsync(transaction, after, ChargeRefundUpdated, json, previous, request, cancellationToken);
        if (after.Status == RefundStatuses.Failed && before.Status != RefundStatuses.Failed)
        {
            await PublishAsync(transaction, after, Failed, json, previous, request, cancellationToken);
        }
    }

    static Task PublishAsync(
        NpgsqlTransaction transaction, RefundRow refund, string type, string objectJson, string? previousAttributesJson, RequestContext? request,
        CancellationToken cancellationToken) =>
        ObjectEvents.PublishAsync(transaction, type, refund.PlatformId, refund.AccountId, objectJson, previousAttributesJson,
            request?.RequestId, request?.IdempotencyKey, cancellationToken);
}
