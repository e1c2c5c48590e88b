using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Data;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Accounts;

public sealed class ConnectedAccountConsumersTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheLatestUpdate_SetsTheTermsTheLedgerKeeps_AndAnOlderOneArrivingLateChangesNothing()
    {
        var (account, platform) = (PrefixedId.New("acct"), PrefixedId.New("acct"));
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(new ConnectedAccountCreated { AccountId = account, PlatformId = platform, Created = now, DefaultCurrency = "eur", DelayDays = 2 });
        await PublishAsync(Update(account, platform, "usd", 7, now.AddSeconds(2)));
        await Eventually.Until(() => TermsAsync(account), t => t == ("usd", 7));

        await PublishAsync(Update(account, platform, "gbp", 3, now.AddSeconds(1)));
        await PublishAsync(Update(PrefixedId.New("acct"), platform, "gbp", 3, now));
        await Eventually.Until(() => ConsumedUpdatesAsync(), n => n == 3);

        Assert.Equal(("usd", 7), await TermsAsync(account));
    }

    static ConnectedAccountUpdated Update(string account, string platform, string currency, int delayDays, DateTimeOffset at) => new()
    {
        AccountId = account, PlatformId = platform, ChargesEnabled = true, PayoutsEnabled = true, Capabilities = new Dictionary<string, string>(),
        DefaultCurrency = currency, PayoutInterval = "daily", PayoutDelayDays = delayDays, Updated = at,
    };

    async Task PublishAsync<T>(T message)
        where T : class
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(message, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }

    async Task<(string?, int?)> TermsAsync(string account)
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        return await connection.QuerySingleOrDefaultAsync<(string?, int?)>(
            "SELECT default_currency, delay_days FROM connected_accounts WHERE id = @account", new { account });
    }

    async Task<long> ConsumedUpdatesAsync()
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer_id LIKE '%ConnectedAccountUpdated%'");
    }
}
