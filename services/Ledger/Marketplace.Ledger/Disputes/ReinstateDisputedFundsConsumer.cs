using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Accounts;
using Marketplace.Ledger.Charges;
using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Ledger.Disputes;

/// <summary>
/// Returns a won dispute's withdrawn amount — what the withdrawal held in <c>system:disputes</c>, in the charge's
/// currency, settled to the account at today's rate — once per dispute. A dispute never withdrawn fails to the
/// dead-letter queue: reinstating it would create money.
/// </summary>
public sealed class ReinstateDisputedFundsConsumer(ConsumeTransaction transaction, JournalWriter journal, FxRates fx, TimeProvider time)
    : IConsumer<ReinstateDisputedFunds>
{
    public async Task Consume(ConsumeContext<ReinstateDisputedFunds> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var held = await transaction.Connection.QuerySingleOrDefaultAsync<DisputeHeld>(new CommandDefinition(
            """
            SELECT b.owner AS account, e.currency, e.amount FROM journal_transactions j
            JOIN journal_entries e ON e.transaction_id = j.id AND e.owner = @disputes
            JOIN balance_transactions b ON b.journal_transaction_id = j.id
            WHERE j.cause = @cause
            """, new { cause = DisputeCauses.Withdraw(command.DisputeId), disputes = LedgerAccounts.DisputesOwner }, transaction.Transaction,
            cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Dispute {command.DisputeId} was never withdrawn: there is nothing to reinstate.");

        var cause = DisputeCauses.Reinstate(command.DisputeId);
        var posting = await fx.SettleAsync(
            DisputeRules.Reinstated(command.DisputeId, held.Account, held.Amount, held.Currency, cause, time.GetUtcNow()),
            await SettlementCurrencies.ForChargeAsync(transaction.Connection, transaction.Transaction, await ChargeAsync(command, cancellationToken), cancellationToken),
            cancellationToken);
        await journal.PostAsync(posting, cancellationToken);
        await context.Publish(new DisputedFundsReinstated
        {
            DisputeId = command.DisputeId,
            BalanceTransactionId = await DisputeViews.BalanceTransactionAsync(transaction, cause, cancellationToken),
        });
    }

    async Task<ChargeCaptured> ChargeAsync(ReinstateDisputedFunds command, CancellationToken cancellationToken) =>
        (await transaction.Connection.QuerySingleAsync<ChargeRow>(new CommandDefinition(
            $"SELECT {ChargeRow.Columns} FROM charges WHERE id = @ChargeId", command, transaction.Transaction, cancellationToken: cancellationToken))).ToCaptured();

    sealed record DisputeHeld(string Account, string Currency, long Amount);
}
