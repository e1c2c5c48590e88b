namespace Marketplace.Payments.Refunds;

/// <summary>
/// Internal to Payments, scheduled through the outbox when a refund of one of Stripe's refund test cards was posted:
/// the time has come for its second act (a <c>pending</c> refund succeeds; a <c>succeeded</c> one fails).
/// </summary>
public sealed record RefundTestCardDue
{
    public required string RefundId { get; init; }
}
