using Marketplace.Api.Objects;

namespace Marketplace.Webhooks.Events;

/// <summary>Stripe's <c>event</c> object, field for field as Stripe.net's <c>Stripe.Event</c> reads it.</summary>
public sealed record ApiEvent : StripeObject
{
    /// <summary>
    /// Every event is rendered in the API version the SDKs pin; Stripe.net refuses events outside its train
    /// (<c>.endive</c>), and the objects inside are rendered by services that speak only this version.
    /// </summary>
    public const string PinnedApiVersion = "2026-10-28.endive";

    protected override string TypeName => "event";

    public required string Id { get; init; }

    /// <summary>The connected account the event is about; null for the platform's own events.</summary>
    public string? Account { get; init; }

    public string ApiVersion => PinnedApiVersion;

    /// <summary>Since 2025-04-30.basil Stripe names the account that generated a Connect event here too.</summary>
    public string? Context => Account;

    public required DateTimeOffset Created { get; init; }

    public required EventData Data { get; init; }

    /// <summary>Deliveries of this event that have neither succeeded nor been given up on.</summary>
    public required long PendingWebhooks { get; init; }

    public required EventRequest Request { get; init; }

    public required string Type { get; init; }
}
