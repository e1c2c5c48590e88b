using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Ledger.Payouts;

/// <summary>
/// Sets a payout's amount aside, once per payout, and answers whether it could. An automatic payout also marks the
/// balance transactions it pays out, in the same commit.
/// </summary>
public sealed class ReserveForPayoutConsumer(ConsumeTransaction transaction, JournalWriter journal, TimeProvider time) : IConsumer<ReserveForPayout>
{
    public async Task Consume(ConsumeContext<ReserveForPayout> context)
    {
        var command = context.Message;
        var posting = MovementRules.PayoutReserved(command.PayoutId, command.AccountId, command.Amount, command.Currency,
            PayoutCauses.Reserve(command.PayoutId), time.GetUtcNow());
        if (command.Automatic)
        {
            posting = posting with { Rows = [PaidOutRecord.Sweep(command.PayoutId, command.AccountId, command.Currency)] };
        }

        if (await journal.PostAsync(posting, context.CancellationToken) is PostingResult.InsufficientFunds)
        {
            await context.Publish(new InsufficientFunds
            {
                SourceId = command.PayoutId, AccountId = command.AccountId, Currency = command.Currency, Requested = command.Amount,
            });
            return;
        }

        var balanceTransactionId = await transaction.Connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT id FROM balance_transactions WHERE source = @PayoutId AND type = 'payout'", command, transaction.Transaction,
            cancellationToken: context.CancellationToken));
        await context.Publish(new PayoutFundsReserved { PayoutId = command.PayoutId, BalanceTransactionId = balanceTransactionId });
    }
}
