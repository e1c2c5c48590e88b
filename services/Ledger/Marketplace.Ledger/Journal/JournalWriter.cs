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
/// <para>
/// The writer remembers the balances it wrote (decision 0020). A batch on accounts it remembers is decided on them and
/// sent in one round trip, as soon as the batch before it holds its locks rather than once that one has committed; the
/// database applies it only if every balance is still as remembered. A batch on an account the writer does not
/// remember, or one the database refused, reads and locks its accounts first: several instances may write one account.
/// </para>
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

    // Read and changed by the writer's loop only.
    readonly RememberedBalances _remembered = new();

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
        var inFlight = new Queue<Sent>();
        try
        {
            await WriteUntilStoppedAsync(inFlight, stoppingToken);
        }
        finally
        {
            // Stopping: a batch in flight acknowledges its postings if it commits; one that fails is not written again.
            foreach (var sent in inFlight)
            {
                if (await sent.Written is { } failure)
                {
                    Fail(sent.Batch, failure);
                }
            }
        }
    }

    async Task WriteUntilStoppedAsync(Queue<Sent> inFlight, CancellationToken stoppingToken)
    {
        Task<bool>? readable = null;
        while (true)
        {
            readable ??= _queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
            if (inFlight.Count > 0
                && (inFlight.Count >= options.Value.BatchesInFlight || await Task.WhenAny(readable, inFlight.Peek().Written) != readable))
            {
                await SettleOldestAsync(inFlight, stoppingToken);
                continue;
            }

            if (!await readable)
            {
                return;
            }

            readable = null;
            var batch = new List<Pending>(options.Value.MaxBatchSize);
            while (batch.Count < options.Value.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            var accounts = AccountsOf(batch);
            if (Decide(batch, accounts) is { } decided)
            {
                // Sent before the batch ahead of it holds its locks, it could lock a shared account first, find it
                // not yet as remembered, and be refused for nothing.
                if (inFlight.Count > 0)
                {
                    await inFlight.Last().Locked;
                }

                inFlight.Enqueue(Send(batch, decided.Journal, decided.Results, stoppingToken));
            }
            else
            {
                while (inFlight.Count > 0)
                {
                    await SettleOldestAsync(inFlight, stoppingToken);
                }

                await WriteLockedAsync(batch, accounts, stoppingToken);
            }
        }
    }

    /// <summary>
    /// The batch decided on remembered balances, or null if it cannot be: an account is not remembered; a posting is
    /// refused — it may be the retry of one journaled before, which is answered with its first transaction, and only
    /// the careful way reads the causes (an accepted posting's cause, if journaled before, fails the batch's insert
    /// instead); or a balance would overflow, which the careful way reports to the batch's callers.
    /// </summary>
    (JournalBatch Journal, List<PostingResult> Results)? Decide(List<Pending> batch, List<LedgerAccount> accounts)
    {
        if (!_remembered.TryRecall(accounts, out var balances))
        {
            return null;
        }

        var journal = new JournalBatch(balances, new Dictionary<string, string>());
        try
        {
            var results = batch.Select(p => journal.Apply(p.Posting)).ToList();
            return results.Any(r => r is PostingResult.InsufficientFunds) ? null : (journal, results);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Remembers the outcome of a batch decided on remembered balances at once, and sends it without waiting.</summary>
    Sent Send(List<Pending> batch, JournalBatch journal, List<PostingResult> results, CancellationToken cancellationToken)
    {
        _remembered.Remember(journal.After);
        var locked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new Sent(batch, locked.Task, SendAsync(batch, journal, results, locked, cancellationToken));
    }

    /// <summary>Commits a batch decided on remembered balances and acknowledges its postings, or returns why it failed.</summary>
    async Task<Exception?> SendAsync(
        List<Pending> batch, JournalBatch journal, List<PostingResult> results, TaskCompletionSource locked, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await CommitAsync(connection, batch, journal, results, begin: true, () => locked.TrySetResult(), cancellationToken);
            return null;
        }
#pragma warning disable CA1031 // Any failure sends the batch down the path that reads the database, which reports its own errors.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception;
        }
        finally
        {
            locked.TrySetResult();
        }
    }

    /// <summary>
    /// Waits for the oldest batch in flight. If it failed, the batches sent after it may have been decided on its
    /// balances: they are waited for too, every remembered balance is forgotten, and the failed batches are written
    /// again, in order, from what the database holds. A refusal by the database is the expected failure here (another
    /// instance wrote one of the accounts); any other fails there again and reaches the postings' callers.
    /// </summary>
    async Task SettleOldestAsync(Queue<Sent> inFlight, CancellationToken cancellationToken)
    {
        var oldest = inFlight.Dequeue();
        if (await oldest.Written is not { } failure)
        {
            return;
        }

        LogWritingAgain(failure.Message);
        var failed = new List<Sent> { oldest };
        while (inFlight.TryDequeue(out var next))
        {
            if (await next.Written is not null)
            {
                failed.Add(next);
            }
        }

        _remembered.ForgetAll();
        foreach (var sent in failed)
        {
            await WriteLockedAsync(sent.Batch, AccountsOf(sent.Batch), cancellationToken);
        }
    }

    /// <summary>Writes a batch the careful way: reads and locks its accounts and causes, decides, commits.</summary>
    async Task WriteLockedAsync(List<Pending> batch, List<LedgerAccount> accounts, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                await WriteLockedOnceAsync(batch, accounts, cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another instance journaled one of these causes between our check and our insert: this time the
                // check finds it, and that posting is answered with the other instance's transaction.
                await WriteLockedOnceAsync(batch, accounts, cancellationToken);
            }
        }
#pragma warning disable CA1031 // A failed batch fails its postings (their callers retry); the writer goes on with the next.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _remembered.Forget(accounts);
            LogBatchFailed(exception, batch.Count);
            Fail(batch, exception);
        }
    }

    async Task WriteLockedOnceAsync(List<Pending> batch, List<LedgerAccount> accounts, CancellationToken cancellationToken)
    {
        var sorted = accounts.Order(LedgerAccount.LockOrder).ToList();
        var newAccounts = sorted.Where(a => !_remembered.Knows(a)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (balances, causes) = await InTransactionAsync(connection, () =>
            JournalStore.BeginAndLockAsync(connection, sorted, newAccounts, batch.Select(p => p.Posting.Cause), cancellationToken));
        var journal = new JournalBatch(balances, causes);
        var results = batch.Select(p => journal.Apply(p.Posting)).ToList();
        await CommitAsync(connection, batch, journal, results, begin: false, locked: () => { }, cancellationToken);
        _remembered.Remember(journal.After);
    }

    async Task CommitAsync(
        NpgsqlConnection connection,
        List<Pending> batch,
        JournalBatch journal,
        List<PostingResult> results,
        bool begin,
        Action locked,
        CancellationToken cancellationToken)
    {
        var coverageChecks = CoverageChecks.Due(journal);
        await InTransactionAsync(connection, async () =>
        {
            await JournalStore.WriteAndCommitAsync(connection, journal, coverageChecks, begin, locked, cancellationToken);
            return true;
        });
        if (coverageChecks.Count > 0 || journal.Accepted.Any(a => a.Posting.BalanceTransactions.Count > 0))
        {
            relay.Notify();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Result.TrySetResult(results[i]);
        }
    }

    /// <summary>
    /// Runs a step of a transaction begun by hand (<c>BEGIN</c> travels inside a batch), rolling it back by hand if
    /// the step fails, before the connection goes back to the pool.
    /// </summary>
    static async Task<T> InTransactionAsync<T>(NpgsqlConnection connection, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch when (connection.State == System.Data.ConnectionState.Open)
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>The accounts a batch decides on: those it posts to, and their siblings for the coverage checks.</summary>
    static List<LedgerAccount> AccountsOf(List<Pending> batch) =>
        CoverageChecks.WithSiblings(batch.SelectMany(p => p.Posting.Lines).Select(l => l.Account)).ToList();

    static void Fail(List<Pending> batch, Exception exception)
    {
        foreach (var pending in batch)
        {
            pending.Result.TrySetException(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal batch of {Count} postings failed; each posting's caller gets the error")]
    partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A journal batch decided on remembered balances failed ({Reason}); it and those after it are written again from the database")]
    partial void LogWritingAgain(string reason);

    sealed record Pending(Posting Posting, TaskCompletionSource<PostingResult> Result);

    sealed record Sent(List<Pending> Batch, Task Locked, Task<Exception?> Written);
}
