using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Marketplace.Payouts.Tests.Support;

namespace Marketplace.Payouts.Tests.ConnectedAccounts;

/// <summary>Payouts' read model of Onboarding's accounts: the newest <c>Updated</c> wins, whatever the order of arrival.</summary>
public sealed class ConnectedAccountUpdatedConsumerTests(PayoutsService payouts) : IClassFixture<PayoutsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Updates_OutOfOrder_KeepTheNewestPayoutTerms()
    {
        var (account, platform) = (PrefixedId.New("acct"), PrefixedId.New("acct"));
        var now = DateTimeOffset.UtcNow;

        await PublishAsync(Update(account, platform, payoutsEnabled: false, "daily", null, now));
        await Eventually.Until(() => TermsAsync(account), t => t.PayoutsEnabled == false);
        await PublishAsync(Update(account, platform, payoutsEnabled: true, "weekly", "ba_1", now.AddSeconds(2)));
        await Eventually.Until(() => TermsAsync(account), t => t.PayoutsEnabled == true);
        await PublishAsync(Update(account, platform, payoutsEnabled: false, "monthly", null, now.AddSeconds(1)));
        await Eventually.Until(() => ConsumedAsync(), n => n == 3);

        Assert.Equal((true, "weekly", "friday", "ba_1"), await TermsAsync(account));
    }

    static ConnectedAccountUpdated Update(string account, string platform, bool payoutsEnabled, string interval, string? bankAccount, DateTimeOffset at) => new()
    {
        AccountId = account,
        PlatformId = platform,
        ChargesEnabled = true,
        PayoutsEnabled = payoutsEnabled,
        Capabilities = new Dictionary<string, string> { ["transfers"] = "active" },
        DefaultCurrency = "eur",
        PayoutInterval = interval,
        PayoutDelayDays = 7,
        PayoutWeeklyAnchor = interval == "weekly" ? "friday" : null,
        PayoutMonthlyAnchor = interval == "monthly" ? 15 : null,
        DefaultExternalAccountId = bankAccount,
        Updated = at,
    };

    async Task PublishAsync(ConnectedAccountUpdated message)
    {
        await using var connection = await payouts.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(message, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }

    async Task<(bool? PayoutsEnabled, string? Interval, string? WeeklyAnchor, string? BankAccount)> TermsAsync(string account)
    {
        await using var connection = await payouts.Database.OpenConnectionAsync(Cancellation);
        return await connection.QuerySingleOrDefaultAsync<(bool?, string?, string?, string?)>(
            "SELECT payouts_enabled, payout_interval, payout_weekly_anchor, default_external_account_id FROM connected_accounts WHERE id = @account",
            new { account });
    }

    async Task<long> ConsumedAsync()
    {
        await using var connection = await payouts.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer_id LIKE '%ConnectedAccountUpdated%'");
    }
}
