using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Ledger.Accounts;

/// <summary>
/// Records which platform a new connected account belongs to, the currency it settles in and how long its charges stay
/// pending, and who bears its losses; an account already known is left as it is.
/// </summary>
public sealed class ConnectedAccountCreatedConsumer(ConsumeTransaction transaction) : IConsumer<ConnectedAccountCreated>
{
    public Task Consume(ConsumeContext<ConnectedAccountCreated> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO connected_accounts (id, platform_id, default_currency, delay_days, losses_payments)
            VALUES (@AccountId, @PlatformId, @DefaultCurrency, @DelayDays, coalesce(@LossesPayments, 'application'))
            ON CONFLICT (id) DO NOTHING
            """,
            context.Message, transaction.Transaction, cancellationToken: context.CancellationToken));
}
