using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Payments.Disputes;

/// <summary>
/// What a dispute asks of the Ledger, through the outbox in the transaction that decided it: withdraw the disputed
/// amount (and the dispute fee) when money is taken, give it back when the dispute is won.
/// </summary>
internal static class DisputeLedger
{
    /// <summary>The Ledger's <c>WithdrawDisputedFundsConsumer</c>.</summary>
    static readonly Uri WithdrawAddress = new("exchange:ledger-withdraw-disputed-funds");

    /// <summary>The Ledger's <c>ReinstateDisputedFundsConsumer</c>.</summary>
    static readonly Uri ReinstateAddress = new("exchange:ledger-reinstate-disputed-funds");

    public static Task WithdrawAsync(NpgsqlTransaction transaction, DisputeRow dispute, CancellationToken cancellationToken) =>
        transaction.SendAsync(WithdrawAddress, new WithdrawDisputedFunds { DisputeId = dispute.Id, ChargeId = dispute.ChargeId, Amount = dispute.Amount },
            cancellationToken);

    public static Task ReinstateAsync(NpgsqlTransaction transaction, DisputeRow dispute, CancellationToken cancellationToken) =>
        transaction.SendAsync(ReinstateAddress, new ReinstateDisputedFunds { DisputeId = dispute.Id, ChargeId = dispute.ChargeId }, cancellationToken);
}
