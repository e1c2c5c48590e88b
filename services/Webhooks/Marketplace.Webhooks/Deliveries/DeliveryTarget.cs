namespace Marketplace.Webhooks.Deliveries;

/// <summary>What an attempt needs: where to send, what to sign with, what to send, and the object the event is about.</summary>
public sealed record DeliveryTarget
{
    public required string Url { get; init; }
    public required string Secret { get; init; }
    public required string Payload { get; init; }
    public string? ObjectId { get; init; }
}
