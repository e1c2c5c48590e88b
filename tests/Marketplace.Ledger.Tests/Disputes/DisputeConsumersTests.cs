using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Disputes;

public sealed class DisputeConsumersTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADisputeWithdrawsTheAmountAndTheFee_AndWinningItReturnsTheAmountOnly()
    {
        var (platform, charge) = await ChargeAsync();
        await using var withdrawals = new BrokerWatch<DisputedFundsWithdrawn>(ledger.TestBroker);
        await using var reinstatements = new BrokerWatch<DisputedFundsReinstated>(ledger.TestBroker);
        await withdrawals.StartAsync(Cancellation);
        await reinstatements.StartAsync(Cancellation);
        var disputeId = PrefixedId.New("dp");

        await SendAsync(new WithdrawDisputedFunds { DisputeId = disputeId, ChargeId = charge.ChargeId, Amount = 1_000 });
        var withdrawn = (await Eventually.Until(() => withdrawals.ReadAsync(Cancellation), s => s.Any(w => w.DisputeId == disputeId))).Single(w => w.DisputeId == disputeId);
        var afterWithdrawal = await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform, "usd"));
        await SendAsync(new ReinstateDisputedFunds { DisputeId = disputeId, ChargeId = charge.ChargeId });
        var reinstated = (await Eventually.Until(() => reinstatements.ReadAsync(Cancellation), s => s.Any(r => r.DisputeId == disputeId))).Single(r => r.DisputeId == disputeId);

        Assert.Equal(-1_000 - 1_500, afterWithdrawal);
        Assert.Equal(-1_500, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform, "usd")));
        var stripe = ledger.StripeFor(TestContexts.Platform(platform));
        var withdrawal = await stripe.V1.BalanceTransactions.GetAsync(withdrawn.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((-1_000L, 1_500L, -2_500L, "adjustment", "dispute", disputeId), (withdrawal.Amount, withdrawal.Fee, withdrawal.Net, withdrawal.Type, withdrawal.ReportingCategory, withdrawal.SourceId));
        var reversal = await stripe.V1.BalanceTransactions.GetAsync(reinstated.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((1_000L, 0L, "adjustment", "dispute_reversal"), (reversal.Amount, reversal.Fee, reversal.Type, reversal.ReportingCategory));
        await Journals.AssertConsistentAsync(ledger.Database, platform);
    }

    [Fact]
    public async Task DisputeCommandsSentTwice_AreJournaledOnce()
    {
        var (platform, charge) = await ChargeAsync();
        await using var reinstatements = new BrokerWatch<DisputedFundsReinstated>(ledger.TestBroker);
        await reinstatements.StartAsync(Cancellation);
        var disputeId = PrefixedId.New("dp");

        for (var i = 0; i < 2; i++)
        {
            await SendAsync(new WithdrawDisputedFunds { DisputeId = disputeId, ChargeId = charge.ChargeId, Amount = 400 });
        }

        await Eventually.Until(() => CountAsync($"dispute:{disputeId}:withdraw"), n => n == 1);
        for (var i = 0; i < 2; i++)
        {
            await SendAsync(new ReinstateDisputedFunds { DisputeId = disputeId, ChargeId = charge.ChargeId });
        }

        var answers = await Eventually.Until(() => reinstatements.ReadAsync(Cancellation), s => s.Count(r => r.DisputeId == disputeId) == 2);
        Assert.Single(answers.Where(r => r.DisputeId == disputeId).Select(r => r.BalanceTransactionId).Distinct());
        Assert.Equal(1, await CountAsync($"dispute:{disputeId}:reinstate"));
        Assert.Equal(-1_500, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform, "usd")));
    }

    async Task<(string Platform, ChargeCaptured Charge)> ChargeAsync()
    {
        var platform = PrefixedId.New("acct");
        var charge = new ChargeCaptured(PrefixedId.New("ch"), platform, platform, 1_000, "usd");
        await RecordedCharges.RecordAsync(ledger, charge);
        return (platform, charge);
    }

    async Task SendAsync<T>(T command)
        where T : class
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(command, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }

    async Task<long> CountAsync(string cause)
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE cause = @cause", new { cause });
    }
}
