using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Balances;

public sealed class BalanceApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAccountThatNeverHeldMoney_HasAZeroBalance()
    {
        var balance = await ledger.StripeFor(TestContexts.NewPlatform()).V1.Balance.GetAsync(cancellationToken: Cancellation);

        Assert.Equal("balance", balance.Object);
        Assert.Equal(0, Assert.Single(balance.Available).Amount);
        Assert.Equal("usd", Assert.Single(balance.Pending).Currency);
    }

    [Fact]
    public async Task ADestinationCharge_ShowsAsPendingOnThePlatformAndTheConnectedAccount()
    {
        var platform = TestContexts.NewPlatform();
        var seller = Marketplace.Data.PrefixedId.New("acct");
        var charge = new ChargeCaptured("ch_1", platform.PlatformId, platform.PlatformId, 1000, "usd", Destination: seller, ApplicationFeeAmount: 123, ApplicationFeeId: "fee_1");
        await ledger.Journal.PostAsync(ChargeRules.Captured(charge, FeeSchedule.StandardCard, $"charge:{platform.PlatformId}", DateTimeOffset.UtcNow.AddDays(2)), Cancellation);
        await ledger.Journal.PostAsync(MovementRules.TopupSucceeded("tu_1", platform.PlatformId, 5000, "eur", $"topup:{platform.PlatformId}", DateTimeOffset.UtcNow), Cancellation);

        var platformBalance = await ledger.StripeFor(platform).V1.Balance.GetAsync(cancellationToken: Cancellation);
        var sellerBalance = await ledger.StripeFor(platform.OnConnectedAccount(seller)).V1.Balance.GetAsync(cancellationToken: Cancellation);

        Assert.Equal(64, platformBalance.Pending.Single(b => b.Currency == "usd").Amount);
        Assert.Equal(5000, platformBalance.Available.Single(b => b.Currency == "eur").Amount);
        Assert.Equal(0, platformBalance.Available.Single(b => b.Currency == "usd").Amount);
        Assert.Equal(877, Assert.Single(sellerBalance.Pending).Amount);
        Assert.Equal(877, sellerBalance.Pending[0].SourceTypes["card"]);
    }
}
