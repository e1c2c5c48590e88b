using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.NegativeBalances;
using Marketplace.Messaging.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Ledger.Journal;

/// <summary>
/// The journal's SQL. Every statement works on a whole batch at once (arrays, not a statement per row), and the
/// statements of one step travel together (<see cref="NpgsqlBatch"/>), <c>BEGIN</c> with the locks and <c>COMMIT</c>
/// with the writes: a batch of postings costs two round trips whatever its size, or one when the writer remembers
/// its accounts' balances. (An <c>NpgsqlTransaction</c> would send its commit as a round trip of its own.)
/// </summary>
public static class JournalStore
{
    /// <summary>
    /// Begins the transaction, creates the accounts not known to exist yet, locks all of them in <see cref="LedgerAccount.LockOrder"/> and reads
    /// their balances, and reads which of the causes are journaled already. Every writer locks in that one order, so
    /// writers on shared accounts queue, never deadlock.
    /// </summary>
    public static async Task<(Dictionary<LedgerAccount, long> Balances, Dictionary<string, string> JournaledCauses)> BeginAndLockAsync(
        NpgsqlConnection connection,
        IReadOnlyList<LedgerAccount> sortedAccounts,
        IReadOnlyList<LedgerAccount> sortedNewAccounts,
        IEnumerable<string> causes,
        CancellationToken cancellationToken)
    {
        var owners = sortedAccounts.Select(a => a.Owner).ToArray();
        var currencies = sortedAccounts.Select(a => a.Currency).ToArray();
        var buckets = sortedAccounts.Select(a => a.Bucket).ToArray();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
                Command(
                    """
                    INSERT INTO ledger_accounts (owner, currency, bucket)
                    SELECT * FROM unnest($1, $2, $3) AS k (owner, currency, bucket)
                    ORDER BY owner COLLATE "C", currency COLLATE "C", bucket COLLATE "C"
                    ON CONFLICT DO NOTHING
                    """,
                    Text(sortedNewAccounts.Select(a => a.Owner)),
                    Text(sortedNewAccounts.Select(a => a.Currency)),
                    Text(sortedNewAccounts.Select(a => a.Bucket))),
                Command(
                    """
                    SELECT a.owner, a.currency, a.bucket, a.balance
                    FROM ledger_accounts a
                    JOIN unnest($1, $2, $3) AS k (owner, currency, bucket)
                      ON (a.owner, a.currency, a.bucket) = (k.owner, k.currency, k.bucket)
                    ORDER BY a.owner COLLATE "C", a.currency COLLATE "C", a.bucket COLLATE "C"
                    FOR UPDATE OF a
                    """, Text(owners), Text(currencies), Text(buckets)),
                Command("SELECT cause, id FROM journal_transactions WHERE cause = ANY($1)", Text(causes.Distinct(StringComparer.Ordinal))),
            },
        };

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var balances = new Dictionary<LedgerAccount, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            balances[new LedgerAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
        }

        await reader.NextResultAsync(cancellationToken);
        var journaled = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            journaled[reader.GetString(0)] = reader.GetString(1);
        }

        return (balances, journaled);
    }

    /// <summary>
    /// The accepted postings' transactions, entries, balance transactions (each announced as
    /// <see cref="BalanceTransactionCreated"/> through the outbox) and companion rows, the
    /// <paramref name="coverageChecks"/> due (through the outbox), the batch's new balances — set only if every account
    /// the batch was decided on exists and still holds the balance it was decided on — and the commit, in one round
    /// trip; with the transaction's <c>BEGIN</c> too when <paramref name="begin"/> (the batch was decided on
    /// remembered balances, nothing was read). The balances go last, so the accounts are locked only for the commit,
    /// and an error barrier after them sends their answer ahead of the commit's: <paramref name="locked"/> is called
    /// once the batch holds its locks, which is when the writer may send the next batch.
    /// </summary>
    public static async Task WriteAndCommitAsync(
        NpgsqlConnection connection,
        JournalBatch journal,
        IReadOnlyList<CoverageCheckDue> coverageChecks,
        bool begin,
        Action locked,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locked);
        await using var batch = new NpgsqlBatch(connection);
        if (begin)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        }

        var accepted = journal.Accepted;
        if (accepted.Count > 0)
        {
            AddWrites(batch, accepted, coverageChecks);
        }

        // An account the batch posted to but did not find (absent from Before) is expected at 0 and, missing, fails the batch.
        var accounts = journal.After.Keys.Order(LedgerAccount.LockOrder).ToList();
        var setBalances = Command(
            "SELECT journal_set_balances($1, $2, $3, $4, $5)",
            Text(accounts.Select(a => a.Owner)),
            Text(accounts.Select(a => a.Currency)),
            Text(accounts.Select(a => a.Bucket)),
            Bigints(accounts.Select(a => journal.Before.GetValueOrDefault(a))),
            Bigints(accounts.Select(a => journal.After[a])));
        // An error before the barrier is thrown here, and turns the COMMIT after it into a rollback.
        setBalances.AppendErrorBarrier = true;
        batch.BatchCommands.Add(setBalances);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (!await reader.ReadAsync(cancellationToken) && await reader.NextResultAsync(cancellationToken))
        {
            // Past the writes, which return no rows, to the function's row.
        }

        locked();
        while (await reader.NextResultAsync(cancellationToken))
        {
            // To the commit's answer.
        }
    }

    static void AddWrites(NpgsqlBatch batch, IReadOnlyList<(string TransactionId, Posting Posting)> accepted, IReadOnlyList<CoverageCheckDue> coverageChecks)
    {
        var entries = accepted.SelectMany(a => a.Posting.Lines.Select((line, index) => (a.TransactionId, Line: (short)index, line))).ToList();
        var views = accepted.SelectMany(a => a.Posting.BalanceTransactions.Select(view => (a.TransactionId, View: view))).ToList();
        batch.BatchCommands.Add(Command(
            "INSERT INTO journal_transactions (id, cause, type, source) SELECT * FROM unnest($1, $2, $3, $4)",
            Text(accepted.Select(a => a.TransactionId)),
            Text(accepted.Select(a => a.Posting.Cause)),
            Text(accepted.Select(a => a.Posting.Type)),
            Text(accepted.Select(a => a.Posting.Source))));
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO journal_entries (transaction_id, line, owner, currency, bucket, amount)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6)
            """,
            Text(entries.Select(e => e.TransactionId)),
            new NpgsqlParameter { Value = entries.Select(e => e.Line).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint },
            Text(entries.Select(e => e.line.Account.Owner)),
            Text(entries.Select(e => e.line.Account.Currency)),
            Text(entries.Select(e => e.line.Account.Bucket)),
            Bigints(entries.Select(e => e.line.Amount))));
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO balance_transactions (id, journal_transaction_id, owner, currency, amount, fee, net, fee_type,
                type, reporting_category, source, description, available_on, exchange_rate)
            SELECT id, journal_id, owner, currency, amount, fee, amount - fee, fee_type, type, category, source, description, available_on, rate
            FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                AS v (id, journal_id, owner, currency, amount, fee, fee_type, type, category, source, description, available_on, rate)
            """,
            Text(views.Select(v => v.View.Id)),
            Text(views.Select(v => v.TransactionId)),
            Text(views.Select(v => v.View.Owner)),
            Text(views.Select(v => v.View.Currency)),
            Bigints(views.Select(v => v.View.Amount)),
            Bigints(views.Select(v => v.View.Fee)),
            Text(views.Select(v => v.View.FeeType)),
            Text(views.Select(v => v.View.Type)),
            Text(views.Select(v => v.View.ReportingCategory)),
            Text(views.Select(v => v.View.Source)),
            Text(views.Select(v => v.View.Description)),
            new NpgsqlParameter { Value = views.Select(v => v.View.AvailableOn).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            new NpgsqlParameter { Value = views.Select(v => v.View.ExchangeRate).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric }));
        if (OutboxBatchCommands.Publish(views.Select(v => Announcement(v.View))) is { } announcements)
        {
            batch.BatchCommands.Add(announcements);
        }

        if (OutboxBatchCommands.Publish(coverageChecks) is { } checks)
        {
            batch.BatchCommands.Add(checks);
        }

        foreach (var row in accepted.SelectMany(a => a.Posting.Rows))
        {
            batch.BatchCommands.Add(Command(row.Sql, [.. row.Values.Select(v => new NpgsqlParameter { Value = v ?? DBNull.Value })]));
        }
    }

    static BalanceTransactionCreated Announcement(BalanceTransactionEntry view) => new()
    {
        BalanceTransactionId = view.Id,
        AccountId = view.Owner,
        Currency = view.Currency,
        Amount = view.Amount,
        Fee = view.Fee,
        Net = view.Net,
        Type = view.Type,
        ReportingCategory = view.ReportingCategory,
        Source = view.Source,
        ExchangeRate = view.ExchangeRate,
        AvailableOn = view.AvailableOn,
    };

    static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    static NpgsqlParameter Text(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    static NpgsqlParameter Bigints(IEnumerable<long> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };
}
