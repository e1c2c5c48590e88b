using Npgsql;

namespace Marketplace.Benchmarks.Ledger;

/// <summary>
/// The straightforward SQL ledger the issue compares against: one database transaction per transfer, the two account
/// rows updated in id order (so it cannot deadlock), one entry row inserted per leg, committed before acknowledging.
/// </summary>
public sealed class BaselineLedger(NpgsqlDataSource dataSource)
{
    public async Task CreateAsync(int accounts, long openingBalance)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE baseline_accounts (id integer PRIMARY KEY, balance bigint NOT NULL);
            CREATE TABLE baseline_entries (id bigserial PRIMARY KEY, transfer_id uuid NOT NULL, account_id integer NOT NULL REFERENCES baseline_accounts (id), amount bigint NOT NULL);
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var fill = new NpgsqlCommand("INSERT INTO baseline_accounts SELECT i, $1 FROM generate_series(0, $2 - 1) i", connection)
        {
            Parameters = { new() { Value = openingBalance }, new() { Value = accounts } },
        };
        await fill.ExecuteNonQueryAsync();
    }

    public async Task TransferAsync(int from, int to, long amount)
    {
        var transferId = Guid.NewGuid();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (account, delta) in new[] { (from, -amount), (to, amount) }.OrderBy(leg => leg.Item1))
        {
            await using var update = new NpgsqlCommand("UPDATE baseline_accounts SET balance = balance + $1 WHERE id = $2", connection, transaction)
            {
                Parameters = { new() { Value = delta }, new() { Value = account } },
            };
            await update.ExecuteNonQueryAsync();
            await using var entry = new NpgsqlCommand("INSERT INTO baseline_entries (transfer_id, account_id, amount) VALUES ($1, $2, $3)", connection, transaction)
            {
                Parameters = { new() { Value = transferId }, new() { Value = account }, new() { Value = delta } },
            };
            await entry.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
