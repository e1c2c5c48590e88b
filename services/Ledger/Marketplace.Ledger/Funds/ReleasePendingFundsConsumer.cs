using Dapper;
using Marketplace.Api.Objects;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.Balances;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Transfers;
using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using MassTransit;

namespace Marketplace.Ledger.Funds;

/// <summary>
/// Moves what a charge put into one owner's pending balance — positive, or negative where its fee exceeded its share
/// — into the available balance, in one posting caused by the release of that charge for that owner (so once, however
/// often the message comes), and announces it: <see cref="FundsBecameAvailable"/> to the other services,
/// <c>balance.available</c> to the account. A release sent twice (a charge journaled by two separate commands) posts
/// once but may announce twice; the event only reports the balance.
/// </summary>
/// <remarks>
/// The release of the charge's own account also releases the transfers made from the charge's pending funds
/// (<c>source_transaction</c>): what they took leaves that account's share, and their destinations' funds become
/// available with it. It holds the charge's transfer lock (<see cref="SourceChargeTransfers"/>) until it commits, with
/// the charge marked released, so no transfer draws on the pending funds in between.
/// </remarks>
public sealed class ReleasePendingFundsConsumer(ConsumeTransaction transaction, JournalWriter journal) : IConsumer<ReleasePendingFunds>
{
    public async Task Consume(ConsumeContext<ReleasePendingFunds> context)
    {
        var (chargeId, owner) = (context.Message.ChargeId, context.Message.Owner);
        var cancellationToken = context.CancellationToken;
        await SourceChargeTransfers.LockAsync(transaction.Connection, transaction.Transaction, chargeId, cancellationToken);
        var releasesTransfers = await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE charges SET released = true WHERE id = @chargeId AND on_account = @owner",
            new { chargeId, owner }, transaction.Transaction, cancellationToken: cancellationToken)) == 1;

        // The owner's pending lines of the charge's posting, and — for the charge's own account — of its transfers.
        var shares = await PendingAsync(
            """
            SELECT id FROM journal_transactions WHERE cause = @cause
            UNION ALL
            SELECT id FROM journal_transactions
            WHERE @releasesTransfers AND source IN (SELECT id FROM transfers WHERE source_transaction = @chargeId)
            """, new { cause = ChargeCause(chargeId), chargeId, releasesTransfers, owner }, cancellationToken);
        await ReleaseAsync(context, owner, $"release:{chargeId}:{owner}", chargeId, shares);

        if (releasesTransfers)
        {
            foreach (var transfer in await transaction.Connection.QueryAsync<(string Id, string Destination)>(new CommandDefinition(
                "SELECT id, destination FROM transfers WHERE source_transaction = @chargeId ORDER BY id COLLATE \"C\"",
                new { chargeId }, transaction.Transaction, cancellationToken: cancellationToken)))
            {
                var drawn = await PendingAsync("SELECT id FROM journal_transactions WHERE source = @transferId",
                    new { transferId = transfer.Id, owner = transfer.Destination }, cancellationToken);
                await ReleaseAsync(context, transfer.Destination, $"release:{transfer.Id}", transfer.Id, drawn);
            }
        }
    }

    public static string ChargeCause(string chargeId) => $"charge:{chargeId}";

    /// <summary>
    /// What the journal transactions <paramref name="transactions"/> selects left in <c>@owner</c>'s pending balance, per
    /// currency. The transactions are found first (by cause or source, both indexed), then their entries by key.
    /// </summary>
    async Task<List<(string Currency, long Net)>> PendingAsync(string transactions, object parameters, CancellationToken cancellationToken) =>
        (await transaction.Connection.QueryAsync<(string Currency, long Net)>(new CommandDefinition(
            $"""
            SELECT e.currency, sum(e.amount)::bigint AS net
            FROM journal_entries e
            WHERE e.transaction_id IN ({transactions}) AND e.bucket = '{LedgerAccounts.Pending}' AND e.owner = @owner
            GROUP BY e.currency
            HAVING sum(e.amount) <> 0
            ORDER BY e.currency COLLATE "C"
            """, parameters, transaction.Transaction, cancellationToken: cancellationToken))).ToList();

    async Task ReleaseAsync(ConsumeContext<ReleasePendingFunds> context, string owner, string cause, string source, List<(string Currency, long Net)> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var lines = pending.SelectMany(p => new[]
        {
            new JournalLine(LedgerAccounts.PendingOf(owner, p.Currency), -p.Net),
            new JournalLine(LedgerAccounts.AvailableOf(owner, p.Currency), p.Net),
        }).ToList();
        await journal.PostAsync(new Posting(cause, "release", source, lines), context.CancellationToken);

        foreach (var (currency, net) in pending)
        {
            await context.Publish(new FundsBecameAvailable
            {
                PlatformId = context.Message.PlatformId, AccountId = owner, ChargeId = context.Message.ChargeId, Currency = currency, Amount = net,
            });
        }

        // Stripe's balance.available, with the balance now.
        var balance = await BalanceReader.ReadAsync(transaction.Connection, transaction.Transaction, owner, context.CancellationToken);
        await transaction.Transaction.PublishAsync(new ApiEventRaised
        {
            EventId = PrefixedId.New("evt"),
            Type = "balance.available",
            PlatformId = context.Message.PlatformId,
            AccountId = owner,
            ObjectJson = StripeJson.Serialize(balance),
            Created = DateTimeOffset.UtcNow,
        }, context.CancellationToken);
    }
}
