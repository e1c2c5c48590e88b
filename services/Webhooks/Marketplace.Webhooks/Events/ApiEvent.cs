using Marketplace.Api;
using Marketplace.Api.Objects;

namespace Marketplace.Webhooks.Events;

/// <summary>Stripe's <c>event</c> object, field for field as Stripe.net's <c>Stripe.Event</c> reads it.</summary>
public sealed record ApiEvent : StripeObject
{
    protected override string TypeName => "event";

    public required string Id { get; init; }

    /// <summary>The connected account the event is about; null for the platform's own events.</summary>
    public string? Account { get; init; }

    /// <summary>Stripe.net refuses events outside its pinned train (<c>.endive</c>), and every service renders only this version.</summary>
    public string ApiVersion => StripeApiVersion.Current;

    /// <summary>Since 2025-04-30.basil Stripe names the account that generated a Connect event here too.</summary>
    public string? Context => Account;

    public required DateTimeOffset Created { get; init; }

    public required EventData Data { get; init; }

    /// <summary>Deliveries of this event that have neither succeeded nor been given up on.</summary>
    public required long PendingWebhooks { get; init; }

    public required EventRequest Request { get; init; }

    public required string Type { get; init; }
}
