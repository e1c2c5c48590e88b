using Dapper;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Ledger.Tests.Journal;

/// <summary>The writer decides batches on the balances it remembers; these are the ways that memory can be wrong.</summary>
public sealed class RememberedBalancesTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABalanceChangedBehindTheWritersBack_IsReadAgain_AndTheTransferDecidedOnIt()
    {
        var (alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 100), Cancellation);
        // As another instance of the service would: the writer still remembers 100.
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        {
            await connection.ExecuteAsync("UPDATE ledger_accounts SET balance = 30 WHERE owner = @owner AND bucket = 'available'", new { owner = alice.Owner });
        }

        var refused = await ledger.Journal.PostAsync(Journals.Transfer($"tr:{alice.Owner}", alice, bob, 50), Cancellation);
        var posted = await ledger.Journal.PostAsync(Journals.Transfer($"tr2:{alice.Owner}", alice, bob, 20), Cancellation);

        Assert.Equal(new PostingResult.InsufficientFunds(alice), refused);
        Assert.IsType<PostingResult.Posted>(posted);
        Assert.Equal(10, await Journals.BalanceAsync(ledger.Database, alice));
        Assert.Equal(20, await Journals.BalanceAsync(ledger.Database, bob));
    }

    [Fact]
    public async Task ABatchSentOnTheBalancesOfOneThatThenFails_IsWrittenAgainFromTheDatabase()
    {
        var (alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 100), Cancellation);
        var failing = Journals.Transfer($"tr:{alice.Owner}", alice, bob, 60) with
        {
            // Fails after a while in flight: 1 / length('').
            Rows = [new CompanionRow("SELECT 1 / length(pg_sleep(0.3)::text)")],
        };

        var first = ledger.Journal.PostAsync(failing, Cancellation);
        await Eventually.Until(async () =>
        {
            await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
            return await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE query LIKE '%length(pg_sleep(0.3)%' AND pid <> pg_backend_pid())");
        }, inFlight => inFlight);
        // Decided while the first is in flight, on alice's 40 after it; sent as soon as the first fails.
        var second = await ledger.Journal.PostAsync(Journals.Transfer($"tr2:{alice.Owner}", alice, bob, 30), Cancellation);

        await Assert.ThrowsAsync<PostgresException>(() => first);
        Assert.IsType<PostingResult.Posted>(second);
        Assert.Equal(70, await Journals.BalanceAsync(ledger.Database, alice));
        Assert.Equal(30, await Journals.BalanceAsync(ledger.Database, bob));
        await Journals.AssertConsistentAsync(ledger.Database, alice.Owner, bob.Owner);
    }

    [Fact]
    public async Task APostingThatWouldOverflowARememberedBalance_FailsAlone_AndTheWriterGoesOn()
    {
        var (source, alice, bob) = (Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()), Journals.Available(Journals.NewOwner()));
        Posting Adjust(string cause, long amount) => new(cause, "adjustment", null, [new JournalLine(source, -amount), new JournalLine(alice, amount)]);
        await ledger.Journal.PostAsync(Adjust($"big:{alice.Owner}", long.MaxValue - 10), Cancellation);

        // Bounded waits: a writer whose loop died would leave these waiting for ever.
        await Assert.ThrowsAsync<OverflowException>(() =>
            ledger.Journal.PostAsync(Adjust($"more:{alice.Owner}", 100), Cancellation).WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
        var after = await ledger.Journal.PostAsync(Journals.Transfer($"tr:{alice.Owner}", alice, bob, 5), Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.IsType<PostingResult.Posted>(after);
        Assert.Equal(long.MaxValue - 15, await Journals.BalanceAsync(ledger.Database, alice));
    }

    [Fact]
    public async Task TheDatabase_RefusesBalancesDecidedOnWhatAnAccountNoLongerHolds_OrOnAnAccountThatDoesNotExist()
    {
        var alice = Journals.Available(Journals.NewOwner());
        await ledger.Journal.PostAsync(Journals.Fund($"fund:{alice.Owner}", alice, 100), Cancellation);
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        Task SetAsync(string owner, long expected, long balance) => connection.ExecuteAsync(
            "SELECT journal_set_balances(ARRAY[@owner], ARRAY['usd'], ARRAY['available'], ARRAY[@expected], ARRAY[@balance])",
            new { owner, expected, balance });

        var moved = await Assert.ThrowsAsync<PostgresException>(() => SetAsync(alice.Owner, 90, 50));
        var missing = await Assert.ThrowsAsync<PostgresException>(() => SetAsync(Journals.NewOwner(), 0, 50));
        await SetAsync(alice.Owner, 100, 50);

        Assert.Equal(PostgresErrorCodes.SerializationFailure, moved.SqlState);
        Assert.Equal(PostgresErrorCodes.SerializationFailure, missing.SqlState);
        Assert.Equal(50, await Journals.BalanceAsync(ledger.Database, alice));
    }
}
