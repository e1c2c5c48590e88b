namespace Marketplace.Payments.PaymentIntents;

/// <summary><c>Payments:PaymentIntents</c>.</summary>
public sealed class PaymentIntentOptions
{
    public const string Section = "Payments:PaymentIntents";

    /// <summary>How long a confirm, capture or cancel waits for the saga before answering with <c>processing</c>.</summary>
    public TimeSpan ConfirmWait { get; set; } = TimeSpan.FromSeconds(10);
}
