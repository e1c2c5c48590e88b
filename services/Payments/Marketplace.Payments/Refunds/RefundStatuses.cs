namespace Marketplace.Payments.Refunds;

/// <summary>Stripe's refund <c>status</c> values that card refunds take.</summary>
public static class RefundStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string RequiresAction = "requires_action";
}
