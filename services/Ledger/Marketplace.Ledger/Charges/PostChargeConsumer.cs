using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using MassTransit;

namespace Marketplace.Ledger.Charges;

/// <summary>
/// Journals a captured charge by the charge rules, caused by the charge itself, so that however often the command
/// arrives the charge is journaled once. The journal commits in its own batch before this consumer's inbox
/// transaction: if the consumer fails after that, the redelivered command finds the charge journaled and answers
/// with the same <see cref="ChargePosted"/>, which then commits with the inbox row — one posting, one answer.
/// </summary>
public sealed class PostChargeConsumer(JournalWriter journal, FeeSchedule fees) : IConsumer<PostCharge>
{
    public async Task Consume(ConsumeContext<PostCharge> context)
    {
        var command = context.Message;
        var charge = new ChargeCaptured(command.ChargeId, command.PlatformId, command.OnAccount, command.Amount, command.Currency,
            command.Destination, command.TransferAmount, command.ApplicationFeeAmount);
        var result = await journal.PostAsync(ChargeRules.Captured(charge, fees, $"charge:{command.ChargeId}"), context.CancellationToken);
        var transactionId = result switch
        {
            PostingResult.Posted posted => posted.TransactionId,
            PostingResult.AlreadyPosted already => already.TransactionId,
            _ => throw new InvalidOperationException($"A charge posting requires no funds, yet it was refused: {result}."),
        };

        await context.Publish(new ChargePosted { ChargeId = command.ChargeId, JournalTransactionId = transactionId, Fee = fees.FeeFor(command.Amount) });
    }
}
