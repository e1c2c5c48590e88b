using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Gateway.Accounts;

/// <summary>Keeps the gateway's account → platform map in step with Onboarding; an account already known is left as it is.</summary>
public sealed class ConnectedAccountCreatedConsumer(ConsumeTransaction transaction) : IConsumer<ConnectedAccountCreated>
{
    public Task Consume(ConsumeContext<ConnectedAccountCreated> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO accounts (id, platform_id) VALUES (@AccountId, @PlatformId) ON CONFLICT (id) DO NOTHING",
            context.Message, transaction.Transaction, cancellationToken: context.CancellationToken));
}
