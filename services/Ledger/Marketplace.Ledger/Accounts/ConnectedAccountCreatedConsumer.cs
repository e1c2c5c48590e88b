using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Ledger.Accounts;

/// <summary>
/// Records which platform a new connected account belongs to and the currency it settles in; an account already known
/// is left as it is.
/// </summary>
public sealed class ConnectedAccountCreatedConsumer(ConsumeTransaction transaction) : IConsumer<ConnectedAccountCreated>
{
    public Task Consume(ConsumeContext<ConnectedAccountCreated> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO connected_accounts (id, platform_id, default_currency) VALUES (@AccountId, @PlatformId, @DefaultCurrency)
            ON CONFLICT (id) DO NOTHING
            """,
            context.Message, transaction.Transaction, cancellationToken: context.CancellationToken));
}
