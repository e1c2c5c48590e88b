using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Ledger.Disputes;

/// <summary>
/// Returns a won dispute's withdrawn amount — what the withdrawal took, read from its balance transaction — once per
/// dispute. A dispute never withdrawn fails to the dead-letter queue: reinstating it would create money.
/// </summary>
public sealed class ReinstateDisputedFundsConsumer(ConsumeTransaction transaction, JournalWriter journal, TimeProvider time)
    : IConsumer<ReinstateDisputedFunds>
{
    public async Task Consume(ConsumeContext<ReinstateDisputedFunds> context)
    {
        var command = context.Message;
        var withdrawn = await transaction.Connection.QuerySingleOrDefaultAsync<(string Owner, string Currency, long Amount)?>(new CommandDefinition(
            """
            SELECT b.owner, b.currency, -b.amount FROM balance_transactions b
            JOIN journal_transactions j ON j.id = b.journal_transaction_id
            WHERE j.cause = @cause
            """, new { cause = DisputeCauses.Withdraw(command.DisputeId) }, transaction.Transaction, cancellationToken: context.CancellationToken))
            ?? throw new InvalidOperationException($"Dispute {command.DisputeId} was never withdrawn: there is nothing to reinstate.");

        var cause = DisputeCauses.Reinstate(command.DisputeId);
        await journal.PostAsync(
            DisputeRules.Reinstated(command.DisputeId, withdrawn.Owner, withdrawn.Amount, withdrawn.Currency, cause, time.GetUtcNow()), context.CancellationToken);
        await context.Publish(new DisputedFundsReinstated
        {
            DisputeId = command.DisputeId,
            BalanceTransactionId = await DisputeViews.BalanceTransactionAsync(transaction, cause, context.CancellationToken),
        });
    }
}
