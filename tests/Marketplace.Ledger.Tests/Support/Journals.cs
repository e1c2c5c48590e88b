using Dapper;
using Marketplace.Ledger.Journal;
using Npgsql;

namespace Marketplace.Ledger.Tests.Support;

/// <summary>Postings and invariant checks the journal tests share.</summary>
public static class Journals
{
    /// <summary>An owner no other test uses: tests share one ledger database per class.</summary>
    public static string NewOwner() => Marketplace.Data.PrefixedId.New("acct");

    public static LedgerAccount Available(string owner, string currency = "usd") => new(owner, currency, "available");

    /// <summary>Moves <paramref name="amount"/> from <paramref name="from"/> (which must have it) to <paramref name="to"/>.</summary>
    public static Posting Transfer(string cause, LedgerAccount from, LedgerAccount to, long amount) =>
        new(cause, "transfer", null, [new JournalLine(from, -amount, RequiresFunds: true), new JournalLine(to, amount)]);

    /// <summary>Money entering from outside (a top-up, a captured charge): the system side may go negative.</summary>
    public static Posting Fund(string cause, LedgerAccount to, long amount) =>
        new(cause, "topup", null, [new JournalLine(new LedgerAccount("system:bank", to.Currency, "clearing"), -amount), new JournalLine(to, amount)]);

    public static async Task<long> BalanceAsync(NpgsqlDataSource database, LedgerAccount account)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long>(
            "SELECT balance FROM ledger_accounts WHERE owner = @Owner AND currency = @Currency AND bucket = @Bucket", account);
    }

    /// <summary>The journal's invariants, over the owners given: every transaction sums to zero per currency, and every balance is the sum of its entries.</summary>
    public static async Task AssertConsistentAsync(NpgsqlDataSource database, params string[] owners)
    {
        await using var connection = await database.OpenConnectionAsync();
        var unbalanced = await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM (
                SELECT transaction_id FROM journal_entries GROUP BY transaction_id, currency HAVING sum(amount) <> 0) t
            """);
        var drifted = await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM ledger_accounts a
            WHERE a.owner = ANY(@owners)
              AND a.balance <> coalesce((SELECT sum(e.amount) FROM journal_entries e
                                         WHERE (e.owner, e.currency, e.bucket) = (a.owner, a.currency, a.bucket)), 0)
            """, new { owners });
        Assert.Equal(0, unbalanced);
        Assert.Equal(0, drifted);
    }
}
