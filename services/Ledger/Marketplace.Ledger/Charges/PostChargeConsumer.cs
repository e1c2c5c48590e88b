using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.Accounts;
using Marketplace.Ledger.ApplicationFees;
using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Funds;
using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Ledger.Charges;

/// <summary>
/// Journals a captured charge by the charge rules, caused by the charge itself, so that however often the command
/// arrives the charge is journaled once. The journal commits in its own batch before this consumer's inbox
/// transaction: if the consumer fails after that, the redelivered command finds the charge journaled and answers
/// with the same <see cref="ChargePosted"/>, which then commits with the inbox row — one posting, one answer. A charge
/// is recorded with its posting (refunds are journaled against it), and so is its <c>application_fee</c> object. The
/// connected account's share is settled in its default currency (<see cref="FxSettlement"/>). The release of each
/// owner's pending funds is scheduled for its <c>available_on</c> (the account's <c>delay_days</c>, or the Ledger's
/// default) in that same inbox transaction — or for now, when the charge bypasses the pending balance.
/// </summary>
public sealed class PostChargeConsumer(
    ConsumeTransaction transaction, JournalWriter journal, FeeSchedule fees, FxRates fx, IOptions<FundsOptions> funds, TimeProvider time)
    : IConsumer<PostCharge>
{
    public async Task Consume(ConsumeContext<PostCharge> context)
    {
        var command = context.Message;
        var charge = new ChargeCaptured(command.ChargeId, command.PlatformId, command.OnAccount, command.Amount, command.Currency,
            command.Destination, command.TransferAmount, command.ApplicationFeeAmount, PrefixedId.New("fee"), command.OnBehalfOf);
        var now = time.GetUtcNow();
        var delays = await PayoutDelays.ForAsync(transaction.Connection, transaction.Transaction, [charge.OnAccount, charge.Destination], context.CancellationToken);
        DateTimeOffset AvailableOn(string owner) => command.AvailableImmediately
            ? now
            : now + (delays.TryGetValue(owner, out var days) ? TimeSpan.FromDays(days) : funds.Value.AvailabilityDelay);
        var posting = await fx.SettleAsync(
            ChargeRules.Captured(charge, fees, ReleasePendingFundsConsumer.ChargeCause(command.ChargeId), now),
            await SettlementCurrencies.ForChargeAsync(transaction.Connection, transaction.Transaction, charge, context.CancellationToken),
            context.CancellationToken);
        posting = posting with { BalanceTransactions = [.. posting.BalanceTransactions.Select(v => v with { AvailableOn = AvailableOn(v.Owner) })] };
        posting = posting with
        {
            Rows = charge.ApplicationFeeAccount is null
                ? [ChargeRecord.Captured(charge)]
                : [ChargeRecord.Captured(charge), ApplicationFeeRecord.Collected(charge, posting)],
        };

        var result = await journal.PostAsync(posting, context.CancellationToken);
        var transactionId = result switch
        {
            PostingResult.Posted posted => posted.TransactionId,
            PostingResult.AlreadyPosted already => already.TransactionId,
            _ => throw new InvalidOperationException($"A charge posting requires no funds, yet it was refused: {result}."),
        };

        // Scheduled on every delivery, the first too: whichever commits, each owner's release is due once (it is idempotent).
        foreach (var owner in posting.Lines.Where(l => l.Account.Bucket == LedgerAccounts.Pending).Select(l => l.Account.Owner).Distinct(StringComparer.Ordinal))
        {
            await transaction.Transaction.ScheduleSendAsync(
                ReleasePendingFunds.Address, new ReleasePendingFunds { ChargeId = command.ChargeId, PlatformId = command.PlatformId, Owner = owner },
                AvailableOn(owner), context.CancellationToken);
        }

        // The ids are the first posting's: a repeated command made ids of its own that were never written.
        var (balanceTransactionId, applicationFeeId) = await transaction.Connection.QuerySingleAsync<(string, string?)>(new CommandDefinition(
            """
            SELECT (SELECT id FROM balance_transactions WHERE source = @charge AND owner = @owner AND type = 'charge'),
                   (SELECT id FROM application_fees WHERE charge = @charge)
            """,
            new { charge = command.ChargeId, owner = command.OnAccount }, transaction.Transaction, cancellationToken: context.CancellationToken));
        await context.Publish(new ChargePosted
        {
            ChargeId = command.ChargeId, JournalTransactionId = transactionId, BalanceTransactionId = balanceTransactionId,
            Fee = fees.FeeFor(command.Amount), ApplicationFeeId = applicationFeeId,
        });
    }
}
