using Dapper;
using Marketplace.Api.Objects;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.Balances;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using MassTransit;

namespace Marketplace.Ledger.Funds;

/// <summary>
/// Moves what a charge put into one owner's pending balance — positive, or negative where its fee exceeded its share
/// — into the available balance, in one posting caused by the release of that charge for that owner (so once, however
/// often the message comes), and announces it: <see cref="FundsBecameAvailable"/> to the other services,
/// <c>balance.available</c> to the account. A release sent twice (a charge
/// journaled by two separate commands) posts once but may announce twice; the event only reports the balance.
/// </summary>
public sealed class ReleasePendingFundsConsumer(ConsumeTransaction transaction, JournalWriter journal) : IConsumer<ReleasePendingFunds>
{
    public async Task Consume(ConsumeContext<ReleasePendingFunds> context)
    {
        var (chargeId, owner) = (context.Message.ChargeId, context.Message.Owner);
        var pending = (await transaction.Connection.QueryAsync<(string Owner, string Currency, long Net)>(new CommandDefinition(
            """
            SELECT e.owner, e.currency, sum(e.amount)::bigint AS net
            FROM journal_entries e JOIN journal_transactions t ON t.id = e.transaction_id
            WHERE t.cause = @cause AND e.bucket = @bucket AND e.owner = @owner
            GROUP BY e.owner, e.currency
            HAVING sum(e.amount) <> 0
            ORDER BY e.currency COLLATE "C"
            """,
            new { cause = ChargeCause(chargeId), bucket = LedgerAccounts.Pending, owner }, transaction.Transaction, cancellationToken: context.CancellationToken))).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var lines = pending.SelectMany(p => new[]
        {
            new JournalLine(LedgerAccounts.PendingOf(p.Owner, p.Currency), -p.Net),
            new JournalLine(LedgerAccounts.AvailableOf(p.Owner, p.Currency), p.Net),
        }).ToList();
        await journal.PostAsync(new Posting($"release:{chargeId}:{owner}", "release", chargeId, lines), context.CancellationToken);

        foreach (var (_, currency, net) in pending)
        {
            await context.Publish(new FundsBecameAvailable
            {
                PlatformId = context.Message.PlatformId, AccountId = owner, ChargeId = chargeId, Currency = currency, Amount = net,
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

    public static string ChargeCause(string chargeId) => $"charge:{chargeId}";
}
