using System.Threading.Channels;
using Marketplace.Ledger.NegativeBalances;
using Marketplace.Messaging.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Ledger.Journal;

/// <summary>
/// The only way money moves: postings queue here and one writer journals them in batches, one database transaction
/// per batch. While a batch commits the next one gathers, so under load many postings share one commit (group commit)
/// and a hot account — the platform's fee account sees every payment — is locked and updated once per batch, not once
/// per posting. A posting's task completes only after its batch committed: an acknowledged posting is durable.
/// Several instances may run: they lock accounts in one order, and a cause two of them race on is written once.
/// </summary>
public sealed partial class JournalWriter(
    [FromKeyedServices(JournalWriter.DataSourceKey)] NpgsqlDataSource dataSource,
    OutboxRelaySignal relay,
    IOptions<JournalWriterOptions> options,
    ILogger<JournalWriter> logger)
    : BackgroundService
{
    /// <summary>The writer's own connection pool, apart from the one its callers hold connections of while they wait for it.</summary>
    public const string DataSourceKey = "journal-writer";

    readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Accounts this writer saw committed: accounts are never deleted, so these need no upsert again.</summary>
    readonly HashSet<LedgerAccount> _knownAccounts = [];

    public Task<PostingResult> PostAsync(Posting posting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (posting.Invalid() is { } reason)
        {
            throw new ArgumentException(reason, nameof(posting));
        }

        var pending = new Pending(posting, new TaskCompletionSource<PostingResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The journal writer has stopped.");
        }

        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.Value.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(batch, stoppingToken);
            }
#pragma warning disable CA1031 // A failed batch fails its postings (their callers retry); the writer goes on with the next.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogBatchFailed(exception, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Result.TrySetException(exception);
                }
            }
        }
    }

    async Task WriteAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            await WriteOnceAsync(batch, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another instance journaled one of these causes between our check and our insert: this time the
            // check finds it, and that posting is answered with the other instance's transaction.
            await WriteOnceAsync(batch, cancellationToken);
        }
    }

    async Task WriteOnceAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var accounts = CoverageChecks.WithSiblings(batch.SelectMany(p => p.Posting.Lines).Select(l => l.Account)).Order(LedgerAccount.LockOrder).ToList();
        var newAccounts = accounts.Where(a => !_knownAccounts.Contains(a)).ToList();
        try
        {
            var (balances, causes) = await JournalStore.BeginAndLockAsync(
                connection, accounts, newAccounts, batch.Select(p => p.Posting.Cause), cancellationToken);
            var journal = new JournalBatch(balances, causes);
            var results = batch.Select(p => journal.Apply(p.Posting)).ToList();
            var coverageChecks = CoverageChecks.Due(journal);
            await JournalStore.WriteAndCommitAsync(connection, journal, coverageChecks, cancellationToken);
            _knownAccounts.UnionWith(newAccounts);
            if (coverageChecks.Count > 0 || journal.Accepted.Any(a => a.Posting.BalanceTransactions.Count > 0))
            {
                relay.Notify();
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch when (connection.State == System.Data.ConnectionState.Open)
        {
            // The transaction was begun by hand, so it is rolled back by hand before the connection goes back to the pool.
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal batch of {Count} postings failed; each posting's caller gets the error")]
    partial void LogBatchFailed(Exception exception, int count);

    sealed record Pending(Posting Posting, TaskCompletionSource<PostingResult> Result);
}
