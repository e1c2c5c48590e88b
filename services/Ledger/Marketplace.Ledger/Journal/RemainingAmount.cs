using Dapper;
using Npgsql;

namespace Marketplace.Ledger.Journal;

/// <summary>
/// Posts a return against what remains of an object's amount — a transfer's reversal, an application fee's refund —
/// so that concurrent returns never give back more than there was. Returns of one object are serialized by an
/// advisory lock on its id, held from the read of the remaining amount until the posting (whose companion rows update
/// that amount) committed: a row lock would not do, since the journal writer's own update of the row would wait on it.
/// </summary>
public static class RemainingAmount
{
    /// <param name="readRemaining">The object's remaining amount, or null when the caller may not see it.</param>
    /// <param name="requested">The amount asked for; all that remains when null.</param>
    /// <param name="build">The posting for an amount, with the companion rows that record the return and lower the remaining amount.</param>
    public static async Task<RemainingAmountResult> PostReturnAsync(
        NpgsqlConnection connection,
        JournalWriter journal,
        string objectId,
        string cause,
        Func<NpgsqlTransaction, Task<long?>> readRemaining,
        long? requested,
        Func<long, Posting> build,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(readRemaining);
        ArgumentNullException.ThrowIfNull(build);
        await using var serialized = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@objectId, 0))", new { objectId }, serialized, cancellationToken: cancellationToken));
        if (await readRemaining(serialized) is not { } remaining)
        {
            return new RemainingAmountResult.Missing();
        }

        // The same request again (its cause): the return it made, before the remaining amount is checked against it.
        var made = await SourceAsync(connection, serialized, "cause = @key", cause, cancellationToken);
        if (made is null)
        {
            if (remaining == 0)
            {
                return new RemainingAmountResult.Exhausted();
            }

            if (requested > remaining)
            {
                return new RemainingAmountResult.Exceeds(remaining);
            }

            var posting = build(requested ?? remaining);
            made = await journal.PostAsync(posting, cancellationToken) switch
            {
                PostingResult.Posted => posting.Source,
                PostingResult.AlreadyPosted already => await SourceAsync(connection, serialized, "id = @key", already.TransactionId, cancellationToken),
                var refused => throw new InvalidOperationException($"A return requires no funds, yet it was refused: {refused}."),
            };
        }

        await serialized.CommitAsync(cancellationToken);
        return new RemainingAmountResult.Made(made!);
    }

    static Task<string?> SourceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string condition, string key, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"SELECT source FROM journal_transactions WHERE {condition}", new { key }, transaction, cancellationToken: cancellationToken));
}
