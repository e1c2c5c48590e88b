using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Journal;
using MassTransit;

namespace Marketplace.Ledger.Transfers;

/// <summary>Reverses a transfer for a refund, once per refund, and answers with the reversal or why there is none.</summary>
public sealed class ReverseTransferConsumer(TransferReverser reverser) : IConsumer<ReverseTransfer>
{
    public async Task Consume(ConsumeContext<ReverseTransfer> context)
    {
        var command = context.Message;
        var result = await reverser.ReverseAsync(command.PlatformId, command.TransferId, command.Amount,
            $"transfer_reversal:refund:{command.SourceRefundId}", new TransferReversalDetails(null, "{}", command.SourceRefundId), context.CancellationToken);
        if (result is RemainingAmountResult.Made made)
        {
            await context.Publish(new TransferReversed { TransferId = command.TransferId, SourceRefundId = command.SourceRefundId, ReversalId = made.Source });
            return;
        }

        await context.Publish(new TransferReversalRefused
        {
            TransferId = command.TransferId,
            SourceRefundId = command.SourceRefundId,
            Reason = result is RemainingAmountResult.Missing ? TransferReversalRefused.UnknownTransfer : TransferReversalRefused.ExceedsTransfer,
        });
    }
}
