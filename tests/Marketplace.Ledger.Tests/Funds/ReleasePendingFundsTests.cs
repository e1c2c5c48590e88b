using System.Text.Json;
using Dapper;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Funds;

public sealed class ReleasePendingFundsTests(QuickReleaseLedgerService ledger) : IClassFixture<QuickReleaseLedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtAvailableOn_EachOwnersPendingShareOfACharge_BecomesAvailable()
    {
        var platform = Marketplace.Data.PrefixedId.New("acct");
        var seller = Marketplace.Data.PrefixedId.New("acct");
        var chargeId = Marketplace.Data.PrefixedId.New("ch");
        await using var events = new BrokerWatch<ApiEventRaised>(ledger.TestBroker);
        await events.StartAsync(Cancellation);
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.PublishAsync(new PostCharge
            {
                ChargeId = chargeId, PlatformId = platform, OnAccount = platform, Amount = 1000, Currency = "usd",
                Destination = seller, ApplicationFeeAmount = 123,
            }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        // Each owner's share is released by a message of its own: wait for both.
        await Eventually.Until(
            async () => (await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")),
                await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform, "usd"))),
            b => b.Item1 != 0 && b.Item2 != 0, TimeSpan.FromSeconds(30));

        Assert.Equal(877, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(seller, "usd")));
        Assert.Equal(64, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform, "usd")));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(platform, "usd")));
        await using var check = await ledger.Database.OpenConnectionAsync(Cancellation);
        Assert.Equal(2, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE cause LIKE @cause", new { cause = $"release:{chargeId}:%" }));
        await Journals.AssertConsistentAsync(ledger.Database, platform, seller);

        var announced = await Eventually.Until(() => events.ReadAsync(Cancellation), e => e.Count(x => x.Type == "balance.available") >= 2);
        var sellers = Assert.Single(announced, e => e.Type == "balance.available" && e.AccountId == seller);
        Assert.Equal(platform, sellers.PlatformId);
        using var balance = JsonDocument.Parse(sellers.ObjectJson);
        Assert.Equal(877, balance.RootElement.GetProperty("available")[0].GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task ASellerWithLongerDelayDays_KeepsItsShareOfAChargePendingWhileThePlatformsBecomesAvailable()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        {
            await connection.ExecuteAsync("UPDATE connected_accounts SET delay_days = 7 WHERE id = @seller", new { seller });
        }

        var chargeId = Marketplace.Data.PrefixedId.New("ch");
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.PublishAsync(new PostCharge
            {
                ChargeId = chargeId, PlatformId = platform.PlatformId, OnAccount = platform.PlatformId, Amount = 1000, Currency = "usd",
                Destination = seller, ApplicationFeeAmount = 123,
            }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        await Eventually.Until(() => Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")), b => b != 0, TimeSpan.FromSeconds(30));

        Assert.Equal((877L, 0L), (await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(seller, "usd")),
            await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd"))));
        var payment = Assert.Single((await ledger.StripeFor(platform.OnConnectedAccount(seller)).V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation)).Data);
        Assert.Equal(7, Math.Round((payment.AvailableOn - payment.Created).TotalDays));
        Assert.Equal("pending", payment.Status);
    }
}
