using Dapper;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Ledger.Topups;

/// <summary>
/// The simulated bank rail settles a pending top-up: its amount is journaled into the platform's available balance
/// (caused by the top-up, so once), the top-up becomes <c>succeeded</c> with its balance transaction, and
/// <c>topup.succeeded</c> is announced. A top-up canceled in the meantime is left as it is.
/// </summary>
public sealed class SettleTopupConsumer(ConsumeTransaction transaction, JournalWriter journal) : IConsumer<SettleTopup>
{
    public async Task Consume(ConsumeContext<SettleTopup> context)
    {
        var cancellationToken = context.CancellationToken;
        var connection = transaction.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<TopupRow>(new CommandDefinition(
            $"SELECT {TopupRow.Columns} FROM topups WHERE id = @id FOR UPDATE",
            new { id = context.Message.TopupId }, transaction.Transaction, cancellationToken: cancellationToken));
        if (row is not { Status: "pending" })
        {
            return;
        }

        await journal.PostAsync(
            MovementRules.TopupSucceeded(row.Id, row.AccountId, row.Amount, row.Currency, SettleTopup.Cause(row.Id), DateTimeOffset.UtcNow), cancellationToken);
        var succeeded = await connection.QuerySingleAsync<TopupRow>(new CommandDefinition(
            $"""
            UPDATE topups SET status = 'succeeded',
                balance_transaction = (SELECT id FROM balance_transactions WHERE source = @id AND type = 'topup')
            WHERE id = @id
            RETURNING {TopupRow.Columns}
            """, new { id = row.Id }, transaction.Transaction, cancellationToken: cancellationToken));
        await TopupEvents.PublishAsync(transaction.Transaction, "topup.succeeded", succeeded.ToObject(), row.AccountId, null, null, cancellationToken);
    }
}
