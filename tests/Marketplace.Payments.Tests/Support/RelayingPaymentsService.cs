using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// The Payments host with its outbox relay and consumers running, for the tests of what it consumes: a message
/// written to its outbox travels through RabbitMQ and back into its own consumers, as one from another service would.
/// </summary>
public sealed class RelayingPaymentsService : IAsyncLifetime
{
    readonly ServiceFactory<Program> _factory = new ServiceFactory<Program>("payments")
        .WithSetting("Payments:VaultKey", PaymentsService.VaultKey);

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
