using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Payouts;

public sealed class PayoutConsumersTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APayout_IsReserved_ThenAFailureReturnsTheFunds_AndALaterOutcomeChangesNothing()
    {
        var seller = Marketplace.Data.PrefixedId.New("acct");
        var payoutId = Marketplace.Data.PrefixedId.New("po");
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{seller}", LedgerAccounts.AvailableOf(seller, "usd"), 1_000), Cancellation);
        await using var reserved = new BrokerWatch<PayoutFundsReserved>(ledger.TestBroker);
        await reserved.StartAsync(Cancellation);
        await using var settled = new BrokerWatch<PayoutSettled>(ledger.TestBroker);
        await settled.StartAsync(Cancellation);

        await PublishAsync(new ReserveForPayout { PayoutId = payoutId, PlatformId = seller, AccountId = seller, Amount = 700, Currency = "usd" });
        var reservation = (await Eventually.Until(() => reserved.ReadAsync(Cancellation), r => r.Count > 0)).Single();
        var availableWhileInTransit = await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd"));

        await PublishAsync(new SettlePayout { PayoutId = payoutId, AccountId = seller, Amount = 700, Currency = "usd", Outcome = SettlePayout.Failed });
        await Eventually.Until(() => settled.ReadAsync(Cancellation), s => s.Count == 1);
        await PublishAsync(new SettlePayout { PayoutId = payoutId, AccountId = seller, Amount = 700, Currency = "usd", Outcome = SettlePayout.Paid });
        var outcomes = await Eventually.Until(() => settled.ReadAsync(Cancellation), s => s.Count == 2);

        Assert.Equal(payoutId, reservation.PayoutId);
        Assert.StartsWith("txn_", reservation.BalanceTransactionId, StringComparison.Ordinal);
        Assert.Equal(300, availableWhileInTransit);
        Assert.Single(outcomes.Select(o => o.JournalTransactionId).Distinct());
        Assert.Equal(1_000, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PayoutInTransitOf(seller, "usd")));
    }

    [Fact]
    public async Task APayoutBeyondTheAvailableBalance_IsAnsweredInsufficientFunds()
    {
        var seller = Marketplace.Data.PrefixedId.New("acct");
        var payoutId = Marketplace.Data.PrefixedId.New("po");
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{seller}", LedgerAccounts.AvailableOf(seller, "usd"), 300), Cancellation);
        await using var refused = new BrokerWatch<InsufficientFunds>(ledger.TestBroker);
        await refused.StartAsync(Cancellation);

        await PublishAsync(new ReserveForPayout { PayoutId = payoutId, PlatformId = seller, AccountId = seller, Amount = 301, Currency = "usd" });

        var refusal = (await Eventually.Until(() => refused.ReadAsync(Cancellation), r => r.Any(x => x.SourceId == payoutId))).Single(x => x.SourceId == payoutId);
        Assert.Equal(301, refusal.Requested);
        Assert.Equal(300, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
    }

    [Fact]
    public async Task AnAutomaticPayout_PaysOutTheAvailableBalanceTransactions_ListedByItsId()
    {
        var platform = TestContexts.NewPlatform();
        var owner = platform.PlatformId;
        var payoutId = Marketplace.Data.PrefixedId.New("po");
        var at = DateTimeOffset.UtcNow;
        await ledger.Journal.PostAsync(MovementRules.TopupSucceeded("tu_a", owner, 600, "usd", $"{owner}:a", at), Cancellation);
        await ledger.Journal.PostAsync(MovementRules.TopupSucceeded("tu_b", owner, 400, "usd", $"{owner}:b", at), Cancellation);
        await ledger.Journal.PostAsync(MovementRules.TopupSucceeded("tu_eur", owner, 400, "eur", $"{owner}:eur", at), Cancellation);
        await using var reserved = new BrokerWatch<PayoutFundsReserved>(ledger.TestBroker);
        await reserved.StartAsync(Cancellation);

        await PublishAsync(new ReserveForPayout { PayoutId = payoutId, PlatformId = owner, AccountId = owner, Amount = 1_000, Currency = "usd", Automatic = true });
        await Eventually.Until(() => reserved.ReadAsync(Cancellation), r => r.Any(x => x.PayoutId == payoutId));

        var paidOut = await ledger.StripeFor(platform).V1.BalanceTransactions.ListAsync(
            new Stripe.BalanceTransactionListOptions { Payout = payoutId }, cancellationToken: Cancellation);
        Assert.Equal(["payout", "topup", "topup"], paidOut.Data.Select(b => b.Type).Order());
        Assert.All(paidOut.Data, b => Assert.Equal("usd", b.Currency));
    }

    async Task PublishAsync<T>(T message)
        where T : class
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(message, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }
}
