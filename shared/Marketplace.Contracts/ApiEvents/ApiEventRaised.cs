namespace Marketplace.Contracts.ApiEvents;

/// <summary>
/// A fact a platform may hear of as a Stripe <c>event</c> (<c>customer.created</c>, <c>payment_intent.succeeded</c>…),
/// published by the service that owns the object, in the same transaction as the change. The Webhooks service records
/// it once (its id is the event's id) and delivers it to the platform's webhook endpoints.
/// </summary>
public sealed record ApiEventRaised
{
    /// <summary>The event's <c>evt_…</c> id, minted by the publisher with the change, so that one fact is one event.</summary>
    public required string EventId { get; init; }

    /// <summary>Stripe's event type, <c>&lt;object&gt;.&lt;what happened&gt;</c>.</summary>
    public required string Type { get; init; }

    public required string PlatformId { get; init; }

    /// <summary>The account the object lives on: the platform itself, or one of its connected accounts.</summary>
    public required string AccountId { get; init; }

    /// <summary>The object after the change, as JSON exactly as the API renders it (<c>data.object</c>).</summary>
    public required string ObjectJson { get; init; }

    /// <summary>For <c>*.updated</c>: the changed fields' previous values as a JSON object (<c>data.previous_attributes</c>).</summary>
    public string? PreviousAttributesJson { get; init; }

    /// <summary>The API request that caused it (<c>request.id</c>), null for changes no request caused.</summary>
    public string? RequestId { get; init; }

    public string? IdempotencyKey { get; init; }

    public required DateTimeOffset Created { get; init; }
}
