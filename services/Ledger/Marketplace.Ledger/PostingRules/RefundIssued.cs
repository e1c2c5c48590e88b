namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// A refund of (part of) a captured charge, with the charge's Connect shape (see <see cref="ChargeCaptured"/>) and
/// Stripe's two options: <c>reverse_transfer</c> pulls the destination's share back, <c>refund_application_fee</c>
/// gives the application fee back (as the <c>fee_refund</c> <paramref name="FeeRefundId"/>) — each in proportion to
/// the part of the charge refunded, but never more than <paramref name="ApplicationFeeRemaining"/> (what earlier fee
/// refunds left of it) when that is given.
/// </summary>
public sealed record RefundIssued(
    string RefundId,
    ChargeCaptured Charge,
    long Amount,
    bool ReverseTransfer = false,
    bool RefundApplicationFee = false,
    string? FeeRefundId = null,
    long? ApplicationFeeRemaining = null);
