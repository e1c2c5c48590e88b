using System.Text.Json;

namespace Marketplace.Webhooks.Tests.Support;

/// <summary>One request a <see cref="WebhookReceiver"/> got; <see cref="Ordinal"/> counts from 1 per path.</summary>
sealed record ReceivedWebhook(string Path, int Ordinal, string Body, string? Signature, string? ContentType, DateTimeOffset At, int AnsweredWith)
{
    /// <summary>The id of the event the request carried.</summary>
    public string EventId
    {
        get
        {
            using var json = JsonDocument.Parse(Body);
            return json.RootElement.GetProperty("id").GetString()!;
        }
    }
}
