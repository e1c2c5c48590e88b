using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Ledger.Accounts;

/// <summary>
/// Keeps the settlement currency and <c>delay_days</c> of a connected account as Onboarding last set them. The message
/// carries the whole state with its time, so one older than what the Ledger holds is ignored, and one that arrives
/// before the account's creation creates the row.
/// </summary>
public sealed class ConnectedAccountUpdatedConsumer(ConsumeTransaction transaction) : IConsumer<ConnectedAccountUpdated>
{
    public Task Consume(ConsumeContext<ConnectedAccountUpdated> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO connected_accounts (id, platform_id, default_currency, delay_days, terms_updated)
            VALUES (@AccountId, @PlatformId, @DefaultCurrency, @PayoutDelayDays, @Updated)
            ON CONFLICT (id) DO UPDATE SET default_currency = excluded.default_currency, delay_days = excluded.delay_days,
                terms_updated = excluded.terms_updated
            WHERE connected_accounts.terms_updated IS NULL OR connected_accounts.terms_updated < excluded.terms_updated
            """,
            context.Message, transaction.Transaction, cancellationToken: context.CancellationToken));
}
