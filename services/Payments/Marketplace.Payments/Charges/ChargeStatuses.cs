namespace Marketplace.Payments.Charges;

/// <summary>Stripe's charge <c>status</c> values.</summary>
public static class ChargeStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
