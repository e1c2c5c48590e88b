namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// A confirm began an attempt: its charge row is written (<c>pending</c>) and its payment intent is
/// <c>processing</c>, in the transaction that publishes this. Everything else the saga needs is in those rows.
/// </summary>
public sealed record PaymentAttemptStarted
{
    public required string ChargeId { get; init; }

    public required string PaymentIntentId { get; init; }
}
