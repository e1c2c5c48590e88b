namespace Marketplace.Payments.PaymentIntents;

/// <summary>Stripe's payment intent <c>status</c> values, and which of them a confirm may start from.</summary>
public static class PaymentIntentStatuses
{
    public const string RequiresPaymentMethod = "requires_payment_method";
    public const string RequiresConfirmation = "requires_confirmation";
    public const string RequiresAction = "requires_action";
    public const string Processing = "processing";
    public const string RequiresCapture = "requires_capture";
    public const string Canceled = "canceled";
    public const string Succeeded = "succeeded";

    /// <summary>Where a payment intent rests until someone acts: a confirm waits for one of these (or gives up and shows processing).</summary>
    public static bool IsResting(string status) => status != Processing;

    /// <summary>A confirm may start a new attempt from these.</summary>
    public static readonly string[] Confirmable = [RequiresPaymentMethod, RequiresConfirmation, RequiresAction];

    /// <summary>Stripe cancels a payment intent in these.</summary>
    public static readonly string[] Cancelable = [RequiresPaymentMethod, RequiresConfirmation, RequiresAction, RequiresCapture];
}
