using Dapper;
using Marketplace.Ledger.Funds;
using Marketplace.Ledger.Journal;
using Npgsql;

namespace Marketplace.Ledger.Transfers;

/// <summary>
/// Posts a transfer that names its charge (<c>source_transaction</c>), as Stripe lets it: at once, from the charge's
/// pending funds while the platform's share has not been released — the destination's funds then become available with
/// the charge's — or from the available balance once it has; never for more than remains of the charge (its amount less
/// refunds and what earlier transfers took of it). An advisory lock on the charge, held from these reads until the
/// posting committed, serializes the transfers of one charge with each other and with the charge's release
/// (<see cref="ReleasePendingFundsConsumer"/>, which takes it too), so a transfer never draws on pending funds that
/// are being released.
/// </summary>
public static class SourceChargeTransfers
{
    public static async Task<SourceChargeTransferResult> PostAsync(
        NpgsqlConnection connection,
        JournalWriter journal,
        string platformId,
        string chargeId,
        string currency,
        long amount,
        string cause,
        Func<SourceCharge, Posting> build,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(build);
        await using var serialized = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, serialized, chargeId, cancellationToken);

        // The same request again (its cause): the transfer it made, before what remains of the charge is checked.
        if (await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT id FROM journal_transactions WHERE cause = @cause", new { cause }, serialized, cancellationToken: cancellationToken)) is { } earlier)
        {
            return new SourceChargeTransferResult.Journaled(new PostingResult.AlreadyPosted(earlier));
        }

        var charge = await connection.QuerySingleOrDefaultAsync<SourceCharge>(new CommandDefinition(
            """
            SELECT c.currency,
                   (c.amount - c.amount_refunded
                     - coalesce((SELECT sum(t.amount - t.amount_reversed) FROM transfers t WHERE t.source_transaction = c.id), 0))::bigint AS remaining,
                   c.released,
                   b.available_on
            FROM charges c
            JOIN balance_transactions b ON b.source = c.id AND b.owner = c.on_account AND b.type = 'charge'
            WHERE c.id = @chargeId AND c.platform_id = @platformId AND c.on_account = @platformId
            """,
            new { chargeId, platformId }, serialized, cancellationToken: cancellationToken));
        SourceChargeTransferResult result = charge switch
        {
            null => new SourceChargeTransferResult.Missing(),
            _ when !string.Equals(charge.Currency, currency, StringComparison.Ordinal) => new SourceChargeTransferResult.OtherCurrency(charge.Currency),
            _ when amount > charge.Remaining => new SourceChargeTransferResult.Exceeds(Math.Max(charge.Remaining, 0)),
            _ => new SourceChargeTransferResult.Journaled(await journal.PostAsync(build(charge), cancellationToken)),
        };
        await serialized.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The lock both a charge's transfers and its release take, until their postings committed.</summary>
    public static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string chargeId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = $"source-charge:{chargeId}" }, transaction,
            cancellationToken: cancellationToken));
}
