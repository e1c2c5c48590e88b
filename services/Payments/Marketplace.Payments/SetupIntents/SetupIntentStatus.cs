namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Stripe's setup intent statuses (docs.stripe.com/payments/intents#intent-statuses), but <c>processing</c>: every
/// method set up here is settled when it is confirmed or when its challenge completes, never later.
/// </summary>
public static class SetupIntentStatus
{
    public const string RequiresPaymentMethod = "requires_payment_method";
    public const string RequiresConfirmation = "requires_confirmation";
    public const string RequiresAction = "requires_action";
    public const string Canceled = "canceled";
    public const string Succeeded = "succeeded";

    /// <summary>The statuses from which an intent can still be confirmed, changed or canceled.</summary>
    public static bool IsOpen(string status) => status is RequiresPaymentMethod or RequiresConfirmation or RequiresAction;
}
