using Marketplace.Api.Context;
using Marketplace.Api.Events;
using Marketplace.Api.Objects;
using Marketplace.Payments.Events;
using Npgsql;

namespace Marketplace.Payments.Disputes;

/// <summary>
/// Announces a dispute's life through the outbox, in the transaction that changed it: <c>charge.dispute.created</c>;
/// <c>charge.dispute.updated</c> for each change, and <c>charge.dispute.closed</c> besides when it closes (won, lost or
/// <c>warning_closed</c>); <c>charge.dispute.funds_withdrawn</c> and <c>.funds_reinstated</c> when the Ledger moved its money.
/// </summary>
internal static class DisputeEvents
{
    public const string Created = "charge.dispute.created";
    public const string Updated = "charge.dispute.updated";
    public const string Closed = "charge.dispute.closed";
    public const string FundsWithdrawn = "charge.dispute.funds_withdrawn";
    public const string FundsReinstated = "charge.dispute.funds_reinstated";

    public static Task PublishAsync(NpgsqlTransaction transaction, DisputeRow dispute, string type, CancellationToken cancellationToken) =>
        PublishAsync(transaction, dispute, type, StripeJson.Serialize(dispute.ToDispute()), null, null, cancellationToken);

    public static async Task ChangedAsync(
        NpgsqlTransaction transaction, DisputeRow before, DisputeRow after, RequestContext? request, CancellationToken cancellationToken)
    {
        var json = StripeJson.Serialize(after.ToDispute());
        if (PreviousAttributes.Between(StripeJson.Serialize(before.ToDispute()), json) is not { } previous)
        {
            return;
        }

        await PublishAsync(transaction, after, Updated, json, previous, request, cancellationToken);
        if (DisputeStatuses.IsClosed(after.Status) && !DisputeStatuses.IsClosed(before.Status))
        {
            await PublishAsync(transaction, after, Closed, json, previous, request, cancellationToken);
        }
    }

    static Task PublishAsync(
        NpgsqlTransaction transaction, DisputeRow dispute, string type, string objectJson, string? previousAttributesJson, RequestContext? request,
        CancellationToken cancellationToken) =>
        ObjectEvents.PublishAsync(transaction, type, dispute.PlatformId, dispute.AccountId, objectJson, previousAttributesJson,
            request?.RequestId, request?.IdempotencyKey, cancellationToken);
}
