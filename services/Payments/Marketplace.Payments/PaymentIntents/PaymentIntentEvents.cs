namespace Marketplace.Payments.PaymentIntents;

/// <summary>Stripe's event types about payment intents.</summary>
public static class PaymentIntentEvents
{
    public const string Created = "payment_intent.created";
    public const string Processing = "payment_intent.processing";
    public const string RequiresAction = "payment_intent.requires_action";
    public const string AmountCapturableUpdated = "payment_intent.amount_capturable_updated";
    public const string Succeeded = "payment_intent.succeeded";
    public const string PaymentFailed = "payment_intent.payment_failed";
    public const string Canceled = "payment_intent.canceled";
}
