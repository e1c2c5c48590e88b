using System.Text.Json;
using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Payments.ConnectedAccounts;

/// <summary>
/// Keeps whether a connected account may charge, and its capabilities, as Onboarding last set them. The message
/// carries the whole state with its time, so the newest <c>Updated</c> wins whatever the order of arrival; the inbox
/// makes a redelivery a no-op.
/// </summary>
public sealed class ConnectedAccountUpdatedConsumer(ConsumeTransaction transaction) : IConsumer<ConnectedAccountUpdated>
{
    public Task Consume(ConsumeContext<ConnectedAccountUpdated> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO connected_accounts (id, platform_id, charges_enabled, capabilities, updated)
            VALUES (@AccountId, @PlatformId, @ChargesEnabled, @Capabilities::jsonb, @Updated)
            ON CONFLICT (id) DO UPDATE SET charges_enabled = excluded.charges_enabled, capabilities = excluded.capabilities,
                updated = excluded.updated
            WHERE connected_accounts.updated < excluded.updated
            """,
            new
            {
                context.Message.AccountId,
                context.Message.PlatformId,
                context.Message.ChargesEnabled,
                Capabilities = JsonSerializer.Serialize(context.Message.Capabilities),
                context.Message.Updated,
            },
            transaction.Transaction, cancellationToken: context.CancellationToken));
}
