using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using MassTransit;

namespace Marketplace.Ledger.Payouts;

/// <summary>
/// Journals the bank rail's answer for a payout. Both outcomes share one cause, so a payout settles once: an outcome
/// that arrives after the first is answered with the first's transaction and changes nothing.
/// </summary>
public sealed class SettlePayoutConsumer(JournalWriter journal, TimeProvider time) : IConsumer<SettlePayout>
{
    public async Task Consume(ConsumeContext<SettlePayout> context)
    {
        var command = context.Message;
        var cause = PayoutCauses.Settle(command.PayoutId);
        var posting = command.Outcome switch
        {
            SettlePayout.Paid => MovementRules.PayoutPaid(command.PayoutId, command.AccountId, command.Amount, command.Currency, cause),
            SettlePayout.Failed => MovementRules.PayoutFailed(command.PayoutId, command.AccountId, command.Amount, command.Currency, cause, time.GetUtcNow()),
            _ => throw new ArgumentException($"Unknown payout outcome '{command.Outcome}'.", nameof(context)),
        };
        var transactionId = await journal.PostAsync(posting, context.CancellationToken) switch
        {
            PostingResult.Posted posted => posted.TransactionId,
            PostingResult.AlreadyPosted already => already.TransactionId,
            var refused => throw new InvalidOperationException($"Settling a payout requires no funds, yet it was refused: {refused}."),
        };
        await context.Publish(new PayoutSettled { PayoutId = command.PayoutId, JournalTransactionId = transactionId });
    }
}
