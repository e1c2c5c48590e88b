using Dapper;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Ledger.Tests.Journal;

public sealed class CompetingWritersTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstancesRacingOnTheSameCauses_PostEachOnce()
    {
        await using var second = new ServiceFactory<Program>("ledger", ledger.TestDatabase, ledger.TestBroker);
        second.StartServer();
        var writers = new[] { ledger.Journal, second.Services.GetRequiredService<JournalWriter>() };
        var owner = Marketplace.Data.PrefixedId.New("acct");
        var (source, target) = (Journals.Available(owner), Journals.Available(owner + "_b"));
        await writers[0].PostAsync(Journals.Fund($"fund:{owner}", source, 10_000), Cancellation);
        var transfers = Enumerable.Range(0, 200).Select(i => Journals.Transfer($"tr:{owner}:{i}", source, target, 10)).ToList();

        var results = await Task.WhenAll(transfers.SelectMany(t => writers.Select(w => w.PostAsync(t, Cancellation))));

        Assert.Equal(200, results.OfType<PostingResult.Posted>().Count());
        Assert.Equal(200, results.OfType<PostingResult.AlreadyPosted>().Count());
        Assert.Equal(10_000 - 200 * 10, await Journals.BalanceAsync(ledger.Database, source));
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        Assert.Equal(200, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE cause LIKE @prefix", new { prefix = $"tr:{owner}:%" }));
        await Journals.AssertConsistentAsync(ledger.Database, owner, owner + "_b");
    }
}
