namespace Marketplace.Webhooks.Deliveries;

/// <summary>The values of <c>webhook_deliveries.status</c> the code sets or compares; the table describes them all.</summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
