using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Payments.Disputes;

/// <summary>The Ledger gave a won dispute's money back: the dispute shows it, once, with <c>charge.dispute.funds_reinstated</c>.</summary>
public sealed class DisputedFundsReinstatedConsumer(ConsumeTransaction transaction) : IConsumer<DisputedFundsReinstated>
{
    public async Task Consume(ConsumeContext<DisputedFundsReinstated> context)
    {
        if (await DisputeStore.LockAsync(transaction.Transaction, context.Message.DisputeId, context.CancellationToken) is not
            { ReinstatementBalanceTransactionId: null } dispute)
        {
            return;
        }

        var reinstated = dispute with { ReinstatementBalanceTransactionId = context.Message.BalanceTransactionId };
        await DisputeStore.UpdateAsync(transaction.Transaction, reinstated, context.CancellationToken);
        await DisputeEvents.PublishAsync(transaction.Transaction, reinstated, DisputeEvents.FundsReinstated, context.CancellationToken);
    }
}
