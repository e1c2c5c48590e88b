namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payments tells the Ledger that a refund it posted (<see cref="PostRefund"/>) failed at the card network afterwards:
/// the refunded amount comes back to the balance it left, and may be refunded again. Idempotent on the refund;
/// answered with <see cref="FailedRefundReturned"/>.
/// </summary>
public sealed record ReturnFailedRefund
{
    /// <summary>Where the Ledger's consumer listens.</summary>
    public static readonly Uri Address = new("exchange:ledger-return-failed-refund");

    public required string RefundId { get; init; }

    public required string ChargeId { get; init; }

    /// <summary>The refund's amount, in the charge's currency: what becomes refundable on the charge again.</summary>
    public required long Amount { get; init; }
}
