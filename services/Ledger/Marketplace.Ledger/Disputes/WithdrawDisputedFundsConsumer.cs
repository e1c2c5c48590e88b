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
/// Withdraws a disputed charge's amount and the dispute fee, once per dispute. A charge the Ledger never journaled is
/// a broken saga, not a business outcome: the command fails and goes to the dead-letter queue for an operator.
/// </summary>
public sealed class WithdrawDisputedFundsConsumer(ConsumeTransaction transaction, JournalWriter journal, FeeSchedule fees, FxRates fx, TimeProvider time)
    : IConsumer<WithdrawDisputedFunds>
{
    public async Task Consume(ConsumeContext<WithdrawDisputedFunds> context)
    {
        var command = context.Message;
        var charge = await transaction.Connection.QuerySingleOrDefaultAsync<ChargeRow>(new CommandDefinition(
            $"SELECT {ChargeRow.Columns} FROM charges WHERE id = @ChargeId", command, transaction.Transaction, cancellationToken: context.CancellationToken))
            ?? throw new InvalidOperationException($"Dispute {command.DisputeId} names charge {command.ChargeId}, which the Ledger never journaled.");
        if (command.Amount <= 0 || command.Amount > charge.Amount)
        {
            throw new InvalidOperationException($"Dispute {command.DisputeId} is for {command.Amount}, outside its charge's {charge.Amount}.");
        }

        var posting = await fx.SettleAsync(
            DisputeRules.Withdrawn(command.DisputeId, charge.ToCaptured(), command.Amount, fees, DisputeCauses.Withdraw(command.DisputeId), time.GetUtcNow()),
            await SettlementCurrencies.ForChargeAsync(transaction.Connection, transaction.Transaction, charge.ToCaptured(), context.CancellationToken),
            context.CancellationToken);
        await journal.PostAsync(posting, context.CancellationToken);
        await context.Publish(new DisputedFundsWithdrawn
        {
            DisputeId = command.DisputeId,
            BalanceTransactionId = await DisputeViews.BalanceTransactionAsync(transaction, DisputeCauses.Withdraw(command.DisputeId), context.CancellationToken),
        });
    }
}
