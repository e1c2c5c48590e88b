using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Charges;

public sealed class PostChargeConsumerTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSameChargeSentThreeTimes_IsJournaledOnce()
    {
        var platform = Marketplace.Data.PrefixedId.New("acct");
        var seller = Marketplace.Data.PrefixedId.New("acct");
        var command = new PostCharge
        {
            ChargeId = Marketplace.Data.PrefixedId.New("ch"),
            PlatformId = platform,
            OnAccount = platform,
            Amount = 1000,
            Currency = "usd",
            Destination = seller,
            ApplicationFeeAmount = 123,
        };

        // Three separate messages (as a retried saga step sends), not one message redelivered: the inbox cannot help.
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
            await using var transaction = await connection.BeginTransactionAsync(Cancellation);
            await transaction.PublishAsync(command, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        await Eventually.Until(
            () => Sql(ledger, "SELECT count(*) FROM inbox_messages WHERE consumer_id LIKE '%PostCharge%'"),
            n => n == 3, TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Sql(ledger, $"SELECT count(*) FROM journal_transactions WHERE cause = 'charge:{command.ChargeId}'"));
        Assert.Equal(877, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(seller, "usd")));
        Assert.Equal(64, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(platform, "usd")));
    }

    [Fact]
    public async Task AEuroChargeForASellerSettlingInUsd_PaysItInUsdWithTheExchangeRateOnItsBalanceTransaction()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0, announce: true, defaultCurrency: "usd");
        var chargeId = Marketplace.Data.PrefixedId.New("ch");

        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.PublishAsync(new PostCharge
            {
                ChargeId = chargeId, PlatformId = platform.PlatformId, OnAccount = platform.PlatformId, Amount = 10_000, Currency = "eur", Destination = seller,
            }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        var payment = Assert.Single((await Eventually.Until(
            () => ledger.StripeFor(platform.OnConnectedAccount(seller)).V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation),
            list => list.Data.Count == 1)).Data);
        Assert.Equal(("usd", chargeId), (payment.Currency, payment.SourceId));
        Assert.NotNull(payment.ExchangeRate);
        Assert.Equal((long)Math.Round(10_000 * payment.ExchangeRate.Value, MidpointRounding.ToEven), payment.Amount);
        Assert.Equal(payment.Amount, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(seller, "usd")));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(seller, "eur")));
    }

    [Fact]
    public async Task AChargeOnBehalfOfASellerSettlingInUsd_SettlesThePlatformsShareInUsdToo()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0, defaultCurrency: "usd");
        var chargeId = Marketplace.Data.PrefixedId.New("ch");

        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.PublishAsync(new PostCharge
            {
                ChargeId = chargeId, PlatformId = platform.PlatformId, OnAccount = platform.PlatformId, Amount = 10_000, Currency = "eur",
                Destination = seller, ApplicationFeeAmount = 1_000, OnBehalfOf = seller,
            }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        var views = (await Eventually.Until(
            () => ledger.StripeFor(platform).V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation), list => list.Data.Count == 3)).Data;
        Assert.All(views, v => Assert.Equal("usd", v.Currency));
        Assert.All(views, v => Assert.NotNull(v.ExchangeRate));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(platform.PlatformId, "eur")));
    }

    static async Task<long> Sql(LedgerService ledger, string sql)
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
