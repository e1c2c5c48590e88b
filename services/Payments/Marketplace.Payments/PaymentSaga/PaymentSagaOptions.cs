namespace Marketplace.Payments.PaymentSaga;

/// <summary><c>Payments:Saga</c>: the payment saga's deadlines.</summary>
public sealed class PaymentSagaOptions
{
    public const string Section = "Payments:Saga";

    /// <summary>How long Fraud has to answer before the attempt fails closed (decision 0009).</summary>
    public TimeSpan FraudDeadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an authorisation waits for its capture before it is released and the intent canceled
    /// (<c>cancellation_reason</c> <c>automatic</c>), as Stripe releases an uncaptured card payment after seven days.
    /// </summary>
    public TimeSpan AuthorizationValidity { get; set; } = TimeSpan.FromDays(7);
}
