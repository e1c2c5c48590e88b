using Marketplace.Api.Objects;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>Announces <c>identity.verification_session.*</c> events through the outbox, in the transaction that made the change.</summary>
internal static class IdentityEvents
{
    public static Task PublishAsync(
        NpgsqlTransaction transaction, StoredVerificationSession session, VerificationSession rendered, string what, string? requestId,
        CancellationToken cancellationToken) =>
        transaction.PublishAsync(new ApiEventRaised
        {
            EventId = PrefixedId.New("evt"),
            Type = $"identity.verification_session.{what}",
            PlatformId = session.PlatformId,
            AccountId = session.AccountId,
            ObjectJson = StripeJson.Serialize(rendered),
            RequestId = requestId,
            Created = DateTimeOffset.UtcNow,
        }, cancellationToken);
}
