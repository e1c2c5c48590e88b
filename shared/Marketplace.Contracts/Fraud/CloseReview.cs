namespace Marketplace.Contracts.Fraud;

/// <summary>
/// Payments tells Fraud that the payment under review was refunded, refunded as fraudulent, or disputed: Fraud closes
/// its open review with that reason and raises <c>review.closed</c>. A payment without an open review is ignored, so
/// the command may be sent for every refund and dispute. Closing as <c>refunded_as_fraud</c> also adds the payment's
/// card fingerprint and email to the platform's default block lists, as Radar does.
/// </summary>
public sealed record CloseReview
{
    public static readonly Uri Address = new("exchange:fraud-close-review");

    public required string PlatformId { get; init; }

    /// <summary>The payment intent or charge id the assessment was for.</summary>
    public required string PaymentId { get; init; }

    /// <summary><c>refunded</c>, <c>refunded_as_fraud</c> or <c>disputed</c>.</summary>
    public required string Reason { get; init; }
}
