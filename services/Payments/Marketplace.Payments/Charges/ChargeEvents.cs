namespace Marketplace.Payments.Charges;

/// <summary>Stripe's event types about charges that the payment saga raises.</summary>
public static class ChargeEvents
{
    public const string Succeeded = "charge.succeeded";
    public const string Failed = "charge.failed";
    public const string Captured = "charge.captured";
    public const string Pending = "charge.pending";
    public const string Expired = "charge.expired";
}
