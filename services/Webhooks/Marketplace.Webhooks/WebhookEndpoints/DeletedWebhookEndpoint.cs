using System.Text.Json.Serialization;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>Stripe's answer to a delete: the id, the object's type and <c>deleted: true</c>, nothing else.</summary>
public sealed record DeletedWebhookEndpoint(string Id)
{
    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => "webhook_endpoint";

    public bool Deleted => true;
}
