using Dapper;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using MassTransit;
using Npgsql;

namespace Marketplace.Ledger.NegativeBalances;

/// <summary>
/// When a connected account whose losses its platform bears is or was in debt (<see cref="CoverageCheckDue"/>), sets the
/// platform's <c>connect_reserved</c> to what those accounts owe in that currency (the sum of their negative available
/// and pending balances). Serialized per platform and currency by an advisory lock held until the adjustment
/// committed, so concurrent movements never reserve twice; caused by the journal transaction and account that
/// triggered it, so a redelivery posts nothing more.
/// </summary>
public sealed class NegativeBalanceCoverageConsumer(NpgsqlDataSource dataSource, JournalWriter journal, TimeProvider time)
    : IConsumer<CoverageCheckDue>
{
    public async Task Consume(ConsumeContext<CoverageCheckDue> context)
    {
        var movement = context.Message;
        var cancellationToken = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var platformId = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT platform_id FROM connected_accounts WHERE id = @AccountId AND losses_payments = 'application'", movement, cancellationToken: cancellationToken));
        if (platformId is null)
        {
            return;
        }

        await using var serialized = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = $"connect_reserved:{platformId}:{movement.Currency}" }, serialized,
            cancellationToken: cancellationToken));
        var (owed, reserved) = await connection.QuerySingleAsync<(long Owed, long Reserved)>(new CommandDefinition(
            """
            SELECT
                (SELECT coalesce(sum(greatest(0, -owes)), 0)::bigint FROM (
                    SELECT sum(l.balance) AS owes FROM ledger_accounts l JOIN connected_accounts c ON c.id = l.owner
                    WHERE c.platform_id = @platformId AND c.losses_payments = 'application' AND l.currency = @currency
                      AND l.bucket IN ('pending', 'available')
                    GROUP BY l.owner) o) AS owed,
                coalesce((SELECT balance FROM ledger_accounts WHERE owner = @platformId AND currency = @currency AND bucket = @bucket), 0) AS reserved
            """, new { platformId, currency = movement.Currency, bucket = LedgerAccounts.ConnectReserved }, serialized, cancellationToken: cancellationToken));
        if (owed != reserved)
        {
            await journal.PostAsync(
                ReserveRules.ConnectReserveAdjusted(platformId, movement.Currency, owed - reserved, $"connect_reserved:{movement.JournalTransactionId}:{movement.AccountId}", time.GetUtcNow()),
                cancellationToken);
        }

        await serialized.CommitAsync(cancellationToken);
    }
}
