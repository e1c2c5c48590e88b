using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Payouts.ConnectedAccounts;

/// <summary>
/// Keeps whether a connected account may be paid out, its currency, payout schedule and default bank account, as
/// Onboarding last set them. The message carries the whole state with its time, so the newest <c>Updated</c> wins
/// whatever the order of arrival; the inbox makes a redelivery a no-op.
/// </summary>
public sealed class ConnectedAccountUpdatedConsumer(ConsumeTransaction transaction) : IConsumer<ConnectedAccountUpdated>
{
    public Task Consume(ConsumeContext<ConnectedAccountUpdated> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO connected_accounts (id, platform_id, payouts_enabled, default_currency, payout_interval, payout_delay_days,
                payout_weekly_anchor, payout_monthly_anchor, default_external_account_id, updated)
            VALUES (@AccountId, @PlatformId, @PayoutsEnabled, @DefaultCurrency, @PayoutInterval, @PayoutDelayDays,
                @PayoutWeeklyAnchor, @PayoutMonthlyAnchor, @DefaultExternalAccountId, @Updated)
            ON CONFLICT (id) DO UPDATE SET payouts_enabled = excluded.payouts_enabled, default_currency = excluded.default_currency,
                payout_interval = excluded.payout_interval, payout_delay_days = excluded.payout_delay_days,
                payout_weekly_anchor = excluded.payout_weekly_anchor, payout_monthly_anchor = excluded.payout_monthly_anchor,
                default_external_account_id = excluded.default_external_account_id, updated = excluded.updated
            WHERE connected_accounts.updated < excluded.updated
            """,
            context.Message, transaction.Transaction, cancellationToken: context.CancellationToken));
}
