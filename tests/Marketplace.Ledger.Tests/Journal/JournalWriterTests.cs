using Dapper;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Ledger.Tests.Journal;

public sealed class JournalWriterTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATransfer_MovesMoneyAndKeepsTheJournalBalanced()
    {
        var (alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 1_000), Cancellation);

        var result = await ledger.Journal.PostAsync(Journals.Transfer($"tr:{alice.Owner}", alice, bob, 250), Cancellation);

        Assert.IsType<PostingResult.Posted>(result);
        Assert.Equal(750, await Journals.BalanceAsync(ledger.Database, alice));
        Assert.Equal(250, await Journals.BalanceAsync(ledger.Database, bob));
        await Journals.AssertConsistentAsync(ledger.Database, alice.Owner, bob.Owner);
    }

    [Fact]
    public async Task WithEveryConnectionOfTheServicesPoolHeld_AsWaitingConsumersHoldThem_TheWriterStillPosts()
    {
        var pool = ledger.Services.GetRequiredService<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < new NpgsqlConnectionStringBuilder(pool.ConnectionString).MaxPoolSize; i++)
            {
                held.Add(await pool.OpenConnectionAsync(Cancellation));
            }

            var alice = Journals.Available(Journals.NewOwner());
            var result = await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 1_000), Cancellation)
                .WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

            Assert.IsType<PostingResult.Posted>(result);
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TheSameCauseTwice_PostsOnce_AndAnswersWithTheFirstTransaction()
    {
        var (alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 1_000), Cancellation);
        var transfer = Journals.Transfer($"tr:{alice.Owner}", alice, bob, 100);

        var first = (PostingResult.Posted)await ledger.Journal.PostAsync(transfer, Cancellation);
        var racing = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ledger.Journal.PostAsync(transfer, Cancellation)));

        Assert.All(racing, r => Assert.Equal(new PostingResult.AlreadyPosted(first.TransactionId), r));
        Assert.Equal(900, await Journals.BalanceAsync(ledger.Database, alice));
    }

    [Fact]
    public async Task InsufficientFunds_RefusesThePostingAndWritesNothing()
    {
        var (alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 100), Cancellation);

        var result = await ledger.Journal.PostAsync(Journals.Transfer($"tr:{alice.Owner}", alice, bob, 101), Cancellation);

        Assert.Equal(new PostingResult.InsufficientFunds(alice), result);
        Assert.Equal(100, await Journals.BalanceAsync(ledger.Database, alice));
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE cause = @cause", new { cause = $"tr:{alice.Owner}" }));
    }

    [Fact]
    public async Task ACompanionRow_IsWrittenWithItsPosting_AndNeverForARepeatedCauseOrARefusal()
    {
        var (alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 100), Cancellation);
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS companion_probe (id text PRIMARY KEY, owner text NOT NULL)");
        Posting WithProbe(string cause, long amount, string id) => Journals.Transfer(cause, alice, bob, amount) with
        {
            Rows = [new CompanionRow("INSERT INTO companion_probe (id, owner) VALUES ($1, $2)", id, alice.Owner)],
        };

        await ledger.Journal.PostAsync(WithProbe($"tr:{alice.Owner}", 60, "posted"), Cancellation);
        var repeated = await ledger.Journal.PostAsync(WithProbe($"tr:{alice.Owner}", 60, "repeated"), Cancellation);
        var refused = await ledger.Journal.PostAsync(WithProbe($"tr2:{alice.Owner}", 41, "refused"), Cancellation);

        Assert.IsType<PostingResult.AlreadyPosted>(repeated);
        Assert.IsType<PostingResult.InsufficientFunds>(refused);
        Assert.Equal(["posted"], await connection.QueryAsync<string>("SELECT id FROM companion_probe WHERE owner = @owner", new { owner = alice.Owner }));
    }

    [Fact]
    public async Task AFailingCompanionRow_RollsBackItsPosting()
    {
        var (alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 100), Cancellation);
        var posting = Journals.Transfer($"tr:{alice.Owner}", alice, bob, 60) with { Rows = [new CompanionRow("SELECT 1 / 0")] };

        await Assert.ThrowsAsync<PostgresException>(() => ledger.Journal.PostAsync(posting, Cancellation));

        Assert.Equal(100, await Journals.BalanceAsync(ledger.Database, alice));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, bob));
    }

    [Fact]
    public async Task SixteenWritersOnOneHotAccount_LoseNoUpdate()
    {
        // The platform's fee account gets a posting for every payment: every one of these touches it.
        var fees = new LedgerAccount(Journals.NewOwner(), "usd", "application_fees");
        var sellers = Enumerable.Range(0, 16).Select(_ => Journals.Available(Journals.NewOwner())).ToList();
        const int PerWriter = 100;

        await Task.WhenAll(sellers.Select((seller, writer) => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                await ledger.Journal.PostAsync(new Posting($"fee:{seller.Owner}:{i}", "application_fee", null,
                    [new JournalLine(seller, -3), new JournalLine(fees, 3)]), Cancellation);
            }
        }, Cancellation)));

        Assert.Equal(16 * PerWriter * 3, await Journals.BalanceAsync(ledger.Database, fees));
        Assert.All(sellers, seller => Assert.Equal(-PerWriter * 3, Journals.BalanceAsync(ledger.Database, seller).Result));
        await Journals.AssertConsistentAsync(ledger.Database, [fees.Owner, .. sellers.Select(s => s.Owner)]);
    }

    [Fact]
    public async Task TheJournal_IsAppendOnly()
    {
        var alice = Journals.Available(Journals.NewOwner());
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 100), Cancellation);
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("UPDATE journal_entries SET amount = amount * 2 WHERE owner = @Owner", alice));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("DELETE FROM journal_transactions WHERE cause = @cause", new { cause = $"fund:{alice.Owner}" }));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnbalancedPosting_IsRefusedBeforeItIsQueued()
    {
        var alice = Journals.Available(Journals.NewOwner());

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.Journal.PostAsync(
            new Posting("bad", "adjustment", null, [new JournalLine(alice, 10), new JournalLine(Journals.Available(Journals.NewOwner()), -9)]), Cancellation));
    }
}
