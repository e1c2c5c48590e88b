using Dapper;
using Npgsql;

namespace Marketplace.Ledger.Journal;

/// <summary>The journal's SQL: every statement works on a whole batch at once (arrays, not a statement per row).</summary>
public static class JournalStore
{
    /// <summary>
    /// Creates the accounts that do not exist yet, then locks all of them in <see cref="LedgerAccount"/> order and
    /// returns their balances. Every writer locks in that one order, so writers on shared accounts queue, never deadlock.
    /// </summary>
    public static async Task<Dictionary<LedgerAccount, long>> LockAccountsAsync(
        NpgsqlTransaction transaction, IReadOnlyList<LedgerAccount> sortedAccounts, CancellationToken cancellationToken)
    {
        var keys = new
        {
            owners = sortedAccounts.Select(a => a.Owner).ToArray(),
            currencies = sortedAccounts.Select(a => a.Currency).ToArray(),
            buckets = sortedAccounts.Select(a => a.Bucket).ToArray(),
        };
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ledger_accounts (owner, currency, bucket)
            SELECT * FROM unnest(@owners, @currencies, @buckets) AS k (owner, currency, bucket)
            ORDER BY owner COLLATE "C", currency COLLATE "C", bucket COLLATE "C"
            ON CONFLICT DO NOTHING
            """, keys, transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(string Owner, string Currency, string Bucket, long Balance)>(new CommandDefinition(
            """
            SELECT a.owner, a.currency, a.bucket, a.balance
            FROM ledger_accounts a
            JOIN unnest(@owners, @currencies, @buckets) AS k (owner, currency, bucket)
              ON (a.owner, a.currency, a.bucket) = (k.owner, k.currency, k.bucket)
            ORDER BY a.owner COLLATE "C", a.currency COLLATE "C", a.bucket COLLATE "C"
            FOR UPDATE OF a
            """, keys, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => new LedgerAccount(r.Owner, r.Currency, r.Bucket), r => r.Balance);
    }

    /// <summary>Which of these causes are journaled already, and as which transaction.</summary>
    public static async Task<Dictionary<string, string>> JournaledCausesAsync(
        NpgsqlTransaction transaction, IEnumerable<string> causes, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<(string Cause, string Id)>(new CommandDefinition(
            "SELECT cause, id FROM journal_transactions WHERE cause = ANY(@causes)",
            new { causes = causes.Distinct(StringComparer.Ordinal).ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Cause, r => r.Id, StringComparer.Ordinal);
    }

    public static async Task WriteAsync(NpgsqlTransaction transaction, JournalBatch batch, CancellationToken cancellationToken)
    {
        var accepted = batch.Accepted;
        if (accepted.Count == 0)
        {
            return;
        }

        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO journal_transactions (id, cause, type, source) SELECT * FROM unnest(@ids, @causes, @types, @sources)",
            new
            {
                ids = accepted.Select(a => a.TransactionId).ToArray(),
                causes = accepted.Select(a => a.Posting.Cause).ToArray(),
                types = accepted.Select(a => a.Posting.Type).ToArray(),
                sources = accepted.Select(a => a.Posting.Source).ToArray(),
            }, transaction, cancellationToken: cancellationToken));

        var entries = accepted.SelectMany(a => a.Posting.Lines.Select((line, index) => (a.TransactionId, Line: (short)index, line))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO journal_entries (transaction_id, line, owner, currency, bucket, amount)
            SELECT * FROM unnest(@ids, @lines, @owners, @currencies, @buckets, @amounts)
            """,
            new
            {
                ids = entries.Select(e => e.TransactionId).ToArray(),
                lines = entries.Select(e => e.Line).ToArray(),
                owners = entries.Select(e => e.line.Account.Owner).ToArray(),
                currencies = entries.Select(e => e.line.Account.Currency).ToArray(),
                buckets = entries.Select(e => e.line.Account.Bucket).ToArray(),
                amounts = entries.Select(e => e.line.Amount).ToArray(),
            }, transaction, cancellationToken: cancellationToken));

        var balances = batch.ChangedBalances.ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ledger_accounts a SET balance = v.balance
            FROM unnest(@owners, @currencies, @buckets, @balances) AS v (owner, currency, bucket, balance)
            WHERE (a.owner, a.currency, a.bucket) = (v.owner, v.currency, v.bucket)
            """,
            new
            {
                owners = balances.Select(b => b.Key.Owner).ToArray(),
                currencies = balances.Select(b => b.Key.Currency).ToArray(),
                buckets = balances.Select(b => b.Key.Bucket).ToArray(),
                balances = balances.Select(b => b.Value).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
    }
}
