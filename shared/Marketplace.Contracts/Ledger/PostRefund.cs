namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payments asks the Ledger to journal a refund of a charge it posted (<see cref="PostCharge"/>), with Stripe's two
/// Connect options. Idempotent on the refund. Answered with <see cref="RefundPosted"/>, or <see cref="RefundRefused"/>
/// when the Ledger never posted the charge or the refund exceeds what remains of it.
/// </summary>
public sealed record PostRefund
{
    public required string RefundId { get; init; }

    public required string ChargeId { get; init; }

    public required long Amount { get; init; }

    /// <summary><c>reverse_transfer</c>: pull the destination's share back, in proportion.</summary>
    public bool ReverseTransfer { get; init; }

    /// <summary><c>refund_application_fee</c>: give the application fee back, in proportion.</summary>
    public bool RefundApplicationFee { get; init; }
}
