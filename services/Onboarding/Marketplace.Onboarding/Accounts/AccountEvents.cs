using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Announces Connect's events (<c>account.updated</c>, <c>capability.updated</c>, <c>person.created</c>,
/// <c>account.external_account.created</c>…) through the outbox, in the transaction that made the change. They
/// live on the connected account and are delivered to its platform.
/// </summary>
internal static class AccountEvents
{
    public const string AccountUpdated = "account.updated";
    public const string CapabilityUpdated = "capability.updated";
    public const string PersonCreated = "person.created";
    public const string PersonUpdated = "person.updated";
    public const string PersonDeleted = "person.deleted";
    public const string ExternalAccountCreated = "account.external_account.created";
    public const string ExternalAccountUpdated = "account.external_account.updated";
    public const string ExternalAccountDeleted = "account.external_account.deleted";

    public static Task PublishAsync(
        NpgsqlTransaction transaction, StoredAccount account, string type, string objectJson, string? previousAttributesJson,
        ChangeCause cause, CancellationToken cancellationToken) =>
        transaction.PublishAsync(new ApiEventRaised
        {
            EventId = PrefixedId.New("evt"),
            Type = type,
            PlatformId = account.PlatformId,
            AccountId = account.Id,
            ObjectJson = objectJson,
            PreviousAttributesJson = previousAttributesJson,
            RequestId = cause.RequestId,
            IdempotencyKey = cause.IdempotencyKey,
            Created = DateTimeOffset.UtcNow,
        }, cancellationToken);
}
