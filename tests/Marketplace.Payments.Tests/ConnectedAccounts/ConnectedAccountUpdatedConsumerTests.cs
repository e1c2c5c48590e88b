using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.ConnectedAccounts;

/// <summary>The read model of Onboarding's accounts: the newest <c>Updated</c> wins, whatever the order of arrival.</summary>
public sealed class ConnectedAccountUpdatedConsumerTests(RelayingPaymentsService payments) : IClassFixture<RelayingPaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Updates_OutOfOrder_KeepTheNewestState()
    {
        var (account, platform) = (PrefixedId.New("acct"), PrefixedId.New("acct"));
        var now = DateTimeOffset.UtcNow;
        var consumedBefore = await ConsumedAsync();

        await PublishAsync(Update(account, platform, chargesEnabled: false, "inactive", now));
        await Eventually.Until(() => StateAsync(account), s => s.ChargesEnabled == false);
        await PublishAsync(Update(account, platform, chargesEnabled: true, "active", now.AddSeconds(2)));
        await Eventually.Until(() => StateAsync(account), s => s.ChargesEnabled == true);
        await PublishAsync(Update(account, platform, chargesEnabled: false, "inactive", now.AddSeconds(1)));
        await Eventually.Until(() => ConsumedAsync(), n => n == consumedBefore + 3);

        var state = await StateAsync(account);
        Assert.True(state.ChargesEnabled);
        Assert.Contains("\"card_payments\": \"active\"", state.Capabilities);
    }

    [Fact]
    public async Task Update_ForANewAccount_CreatesItsRow()
    {
        var (account, platform) = (PrefixedId.New("acct"), PrefixedId.New("acct"));

        await PublishAsync(Update(account, platform, chargesEnabled: true, "pending", DateTimeOffset.UtcNow));

        var state = await Eventually.Until(() => StateAsync(account), s => s.ChargesEnabled is not null);
        Assert.True(state.ChargesEnabled);
        Assert.Contains("\"card_payments\": \"pending\"", state.Capabilities);
    }

    static ConnectedAccountUpdated Update(string account, string platform, bool chargesEnabled, string cardPayments, DateTimeOffset at) => new()
    {
        AccountId = account,
        PlatformId = platform,
        ChargesEnabled = chargesEnabled,
        PayoutsEnabled = false,
        Capabilities = new Dictionary<string, string> { ["card_payments"] = cardPayments, ["transfers"] = cardPayments },
        DefaultCurrency = "eur",
        PayoutInterval = "daily",
        PayoutDelayDays = 2,
        Updated = at,
    };

    async Task PublishAsync<T>(T message)
        where T : class
    {
        await using var connection = await payments.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(message, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }

    async Task<(bool? ChargesEnabled, string? Capabilities)> StateAsync(string account)
    {
        await using var connection = await payments.Database.OpenConnectionAsync(Cancellation);
        return await connection.QuerySingleOrDefaultAsync<(bool?, string?)>(
            "SELECT charges_enabled, capabilities::text FROM connected_accounts WHERE id = @account", new { account });
    }

    async Task<long> ConsumedAsync()
    {
        await using var connection = await payments.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer_id LIKE '%ConnectedAccountUpdated%'");
    }
}
