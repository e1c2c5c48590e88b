using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.Topups;

public sealed class TopupsApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATopup_IsPendingThenSucceeds_AndFundsTheAvailableBalance()
    {
        var stripe = ledger.StripeFor(TestContexts.NewPlatform());

        var created = await stripe.V1.Topups.CreateAsync(
            new TopupCreateOptions { Amount = 5_000, Currency = "usd", Description = "Pay sellers before buyers pay", Metadata = new() { ["terms"] = "net30" } },
            cancellationToken: Cancellation);
        var settled = await Eventually.Until(() => stripe.V1.Topups.GetAsync(created.Id, cancellationToken: Cancellation), t => t.Status != "pending");
        var balance = await stripe.V1.Balance.GetAsync(cancellationToken: Cancellation);
        var transaction = await stripe.V1.BalanceTransactions.GetAsync(settled.BalanceTransactionId, cancellationToken: Cancellation);

        Assert.Equal("pending", created.Status);
        Assert.StartsWith("tu_", created.Id, StringComparison.Ordinal);
        Assert.Equal("net30", created.Metadata["terms"]);
        Assert.Equal("succeeded", settled.Status);
        Assert.Equal(5_000, balance.Available.Single(b => b.Currency == "usd").Amount);
        Assert.Equal((5_000L, 0L, 5_000L, "topup"), (transaction.Amount, transaction.Fee, transaction.Net, transaction.Type));
        Assert.Equal(created.Id, transaction.SourceId);
    }

    [Fact]
    public async Task ACanceledTopup_IsNeverSettled()
    {
        var stripe = ledger.StripeFor(TestContexts.NewPlatform());
        var created = await stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = 700, Currency = "usd" }, cancellationToken: Cancellation);

        var canceled = await stripe.V1.Topups.CancelAsync(created.Id, cancellationToken: Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(2.5), Cancellation);

        Assert.Equal("canceled", canceled.Status);
        Assert.Equal("canceled", (await stripe.V1.Topups.GetAsync(created.Id, cancellationToken: Cancellation)).Status);
        Assert.Equal(0, (await stripe.V1.Balance.GetAsync(cancellationToken: Cancellation)).Available.Single().Amount);
        var again = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Topups.CancelAsync(created.Id, cancellationToken: Cancellation));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, again.HttpStatusCode);
    }

    [Fact]
    public async Task ATopupWhoseSettlementJournaledButDidNotFinish_CannotBeCanceled_AndSucceedsOnce()
    {
        var platform = TestContexts.NewPlatform();
        var stripe = ledger.StripeFor(platform);
        var created = await stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = 900, Currency = "usd" }, cancellationToken: Cancellation);
        // What a settlement leaves when it crashes after journaling and before marking the top-up: the money moved, the top-up pending.
        await ledger.Journal.PostAsync(MovementRules.TopupSucceeded(created.Id, platform.PlatformId, 900, "usd",
            Marketplace.Ledger.Topups.SettleTopup.Cause(created.Id), DateTimeOffset.UtcNow), Cancellation);

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Topups.CancelAsync(created.Id, cancellationToken: Cancellation));
        var settled = await Eventually.Until(() => stripe.V1.Topups.GetAsync(created.Id, cancellationToken: Cancellation), t => t.Status != "pending");

        Assert.Equal("topup_not_cancelable", refused.StripeError.Code);
        Assert.Equal("succeeded", settled.Status);
        Assert.Equal(900, (await stripe.V1.Balance.GetAsync(cancellationToken: Cancellation)).Available.Single().Amount);
    }

    [Fact]
    public async Task TheSameIdempotencyKey_CreatesOneTopup()
    {
        var stripe = ledger.StripeFor(TestContexts.NewPlatform());
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };

        var first = await stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = 100, Currency = "usd" }, options, Cancellation);
        var second = await stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = 100, Currency = "usd" }, options, Cancellation);

        Assert.Equal(first.Id, second.Id);
        Assert.Single((await stripe.V1.Topups.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Theory]
    [InlineData(0, "usd", "amount")]
    [InlineData(100, "xyz", "currency")]
    public async Task BadParameters_AreRefusedNamingThem(long amount, string currency, string param)
    {
        var stripe = ledger.StripeFor(TestContexts.NewPlatform());

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = amount, Currency = currency }, cancellationToken: Cancellation));

        Assert.Equal(param, error.StripeError.Param);
        Assert.Empty((await stripe.V1.Topups.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task OnAConnectedAccount_TopupsAreRefused()
    {
        var stripe = ledger.StripeFor(TestContexts.NewPlatform().OnConnectedAccount(Marketplace.Data.PrefixedId.New("acct")));

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = 100, Currency = "usd" }, cancellationToken: Cancellation));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.HttpStatusCode);
    }
}
