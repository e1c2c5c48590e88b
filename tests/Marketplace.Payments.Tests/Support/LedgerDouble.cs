using System.Collections.Concurrent;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using MassTransit;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// Stands in for the Ledger on the queues the Ledger's consumers listen on (<c>ledger-post-refund</c>…): records
/// every command Payments sends and answers it as the Ledger would — charge posted, refund posted, withdrawn,
/// reinstated, refund returned — or refuses the refunds of the charges a test names, or holds them unanswered until
/// the test releases them.
/// </summary>
public sealed class LedgerDouble(IBus bus)
{
    readonly ConcurrentQueue<PostCharge> _charges = new();
    readonly ConcurrentQueue<PostRefund> _refunds = new();
    readonly ConcurrentQueue<WithdrawDisputedFunds> _withdrawals = new();
    readonly ConcurrentQueue<ReinstateDisputedFunds> _reinstatements = new();
    readonly ConcurrentDictionary<string, bool> _refusing = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, ConcurrentQueue<PostRefund>> _holding = new(StringComparer.Ordinal);

    public IReadOnlyList<PostCharge> Charges => [.. _charges];

    public IReadOnlyList<PostRefund> Refunds => [.. _refunds];

    public IReadOnlyList<WithdrawDisputedFunds> Withdrawals => [.. _withdrawals];

    public IReadOnlyList<ReinstateDisputedFunds> Reinstatements => [.. _reinstatements];

    /// <summary>From now on, every refund of <paramref name="chargeId"/> is refused as exceeding the charge.</summary>
    public void RefuseRefundsOf(string chargeId) => _refusing[chargeId] = true;

    /// <summary>From now on, the refunds of <paramref name="chargeId"/> get no answer until <see cref="ReleaseAsync"/>.</summary>
    public void HoldRefundsOf(string chargeId) => _holding[chargeId] = new ConcurrentQueue<PostRefund>();

    /// <summary>Posts the held refunds of <paramref name="chargeId"/>, as a Ledger back from an outage would.</summary>
    public async Task ReleaseAsync(string chargeId)
    {
        _holding.TryRemove(chargeId, out var held);
        while (held is not null && held.TryDequeue(out var command))
        {
            await bus.Publish(Posted(command));
        }
    }

    public static async Task<LedgerDouble> StartAsync(IBus bus)
    {
        var ledger = new LedgerDouble(bus);
        await Connect<PostCharge>(bus, "ledger-post-charge", ledger.AnswerAsync);
        await Connect<PostRefund>(bus, "ledger-post-refund", ledger.AnswerAsync);
        await Connect<WithdrawDisputedFunds>(bus, "ledger-withdraw-disputed-funds", ledger.AnswerAsync);
        await Connect<ReinstateDisputedFunds>(bus, "ledger-reinstate-disputed-funds", ledger.AnswerAsync);
        await Connect<ReturnFailedRefund>(bus, "ledger-return-failed-refund", ledger.AnswerAsync);
        return ledger;
    }

    static async Task Connect<T>(IBus bus, string queue, MessageHandler<T> handler)
        where T : class =>
        await bus.ConnectReceiveEndpoint(queue, endpoint => endpoint.Handler(handler)).Ready;

    Task AnswerAsync(ConsumeContext<PostCharge> context)
    {
        _charges.Enqueue(context.Message);
        return context.Publish(new ChargePosted
        {
            ChargeId = context.Message.ChargeId, JournalTransactionId = PrefixedId.New("jtx"), BalanceTransactionId = PrefixedId.New("txn"), Fee = 0,
        });
    }

    Task AnswerAsync(ConsumeContext<PostRefund> context)
    {
        var command = context.Message;
        _refunds.Enqueue(command);
        if (_holding.TryGetValue(command.ChargeId, out var held))
        {
            held.Enqueue(command);
            return Task.CompletedTask;
        }

        return _refusing.ContainsKey(command.ChargeId)
            ? context.Publish(new RefundRefused { RefundId = command.RefundId, ChargeId = command.ChargeId, Reason = RefundRefused.ExceedsCharge })
            : context.Publish(Posted(command));
    }

    static RefundPosted Posted(PostRefund command) =>
        new() { RefundId = command.RefundId, ChargeId = command.ChargeId, BalanceTransactionId = PrefixedId.New("txn") };

    Task AnswerAsync(ConsumeContext<ReturnFailedRefund> context) =>
        context.Publish(new FailedRefundReturned { RefundId = context.Message.RefundId, BalanceTransactionId = PrefixedId.New("txn") });

    Task AnswerAsync(ConsumeContext<WithdrawDisputedFunds> context)
    {
        _withdrawals.Enqueue(context.Message);
        return context.Publish(new DisputedFundsWithdrawn { DisputeId = context.Message.DisputeId, BalanceTransactionId = PrefixedId.New("txn") });
    }

    Task AnswerAsync(ConsumeContext<ReinstateDisputedFunds> context)
    {
        _reinstatements.Enqueue(context.Message);
        return context.Publish(new DisputedFundsReinstated { DisputeId = context.Message.DisputeId, BalanceTransactionId = PrefixedId.New("txn") });
    }
}
