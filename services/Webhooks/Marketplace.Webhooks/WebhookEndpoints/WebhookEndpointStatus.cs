namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>The values of <c>webhook_endpoint.status</c>.</summary>
public static class WebhookEndpointStatus
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
}
