using Marketplace.Payments.Events;
using Npgsql;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Announces <c>setup_intent.created</c>, <c>.requires_action</c>, <c>.succeeded</c>, <c>.setup_failed</c> and
/// <c>.canceled</c> through the outbox, in the transaction that made the change. A change the payer made on the hosted
/// page has no request: its event carries none.
/// </summary>
internal static class SetupIntentEvents
{
    public const string Created = "setup_intent.created";
    public const string RequiresAction = "setup_intent.requires_action";
    public const string Succeeded = "setup_intent.succeeded";
    public const string SetupFailed = "setup_intent.setup_failed";
    public const string Canceled = "setup_intent.canceled";

    public static Task PublishAsync(NpgsqlTransaction transaction, SetupIntentChange change, string type, string setupIntentJson, CancellationToken cancellationToken) =>
        ObjectEvents.PublishAsync(transaction, type, change.PlatformId, change.AccountId, setupIntentJson, null, change.RequestId,
            change.IdempotencyKey, cancellationToken);
}
