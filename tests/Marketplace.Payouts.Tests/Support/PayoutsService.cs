using Npgsql;

namespace Marketplace.Payouts.Tests.Support;

/// <summary>The Payouts service's real host on a throw-away database and virtual host, one per test class.</summary>
public sealed class PayoutsService : IAsyncLifetime
{
    readonly ServiceFactory<Program> _factory = new("payouts");

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
