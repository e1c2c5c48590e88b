using Dapper;
using Npgsql;

namespace Marketplace.Ledger.Reconciliation;

/// <summary>
/// The ledger's invariants, checked over the whole journal: every transaction sums to zero per currency, every balance
/// equals the sum of its account's entries, every transaction has entries and every entry a transaction (no foreign key
/// checks that at write time: the journal writer writes both in one batch, decision 0020), and what each owner's balance transactions
/// say (their nets) is what its pending and available balances received. (A cause posted twice cannot happen: the
/// journal's unique key forbids it.) Runs in one repeatable-read snapshot, so a check never sees half a batch.
/// </summary>
public sealed class InvariantChecker(NpgsqlDataSource dataSource)
{
    public async Task<InvariantReport> CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        return await connection.QuerySingleAsync<InvariantReport>(new CommandDefinition(
            """
            SELECT
                (SELECT count(*) FROM (SELECT 1 FROM journal_entries GROUP BY transaction_id, currency HAVING sum(amount) <> 0) u)
                    AS unbalanced_transactions,
                (SELECT count(*) FROM ledger_accounts a
                 LEFT JOIN (SELECT owner, currency, bucket, sum(amount) AS total FROM journal_entries GROUP BY owner, currency, bucket) e
                   ON (e.owner, e.currency, e.bucket) = (a.owner, a.currency, a.bucket)
                 WHERE a.balance <> coalesce(e.total, 0)) AS drifted_accounts,
                (SELECT count(*) FROM journal_transactions t
                 WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.transaction_id = t.id)) AS transactions_without_entries,
                (SELECT count(*) FROM journal_entries e
                 WHERE NOT EXISTS (SELECT 1 FROM journal_transactions t WHERE t.id = e.transaction_id)) AS entries_without_transaction,
                (SELECT count(*) FROM
                    (SELECT owner, currency, sum(net) AS total FROM balance_transactions GROUP BY owner, currency) v
                 FULL JOIN
                    (SELECT owner, currency, sum(amount) AS total FROM journal_entries
                     WHERE bucket IN ('pending', 'available') AND owner NOT LIKE 'system:%' GROUP BY owner, currency) h
                 USING (owner, currency)
                 WHERE coalesce(v.total, 0) <> coalesce(h.total, 0)) AS balance_transactions_astray
            """, transaction: transaction, cancellationToken: cancellationToken));
    }
}
