namespace Marketplace.Payments.PaymentIntents;

/// <summary>Where an attempt leaves its payment intent: the status and the fields that go with it.</summary>
public sealed record PaymentIntentSettlement(string Status)
{
    public long AmountCapturable { get; init; }

    public long AmountReceived { get; init; }

    /// <summary>Stripe's error object, as JSON, when the attempt failed.</summary>
    public string? LastPaymentError { get; init; }

    /// <summary>What the payer must do next (<c>redirect_to_url</c>), as JSON.</summary>
    public string? NextAction { get; init; }

    public string? ReviewId { get; init; }

    /// <summary>A failed attempt's payment method is detached from the intent (it stays in <c>last_payment_error</c>).</summary>
    public bool ClearPaymentMethod { get; init; }

    public string? CancellationReason { get; init; }
}
