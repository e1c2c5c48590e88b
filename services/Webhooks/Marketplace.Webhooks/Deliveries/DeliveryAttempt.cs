using Marketplace.Api.Objects;

namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// One HTTP request made to deliver an event — our extension: Stripe shows these only in its Dashboard, and an API
/// user of a self-hosted platform has no Dashboard, so they are listed at
/// <c>GET /v1/webhook_endpoints/{id}/delivery_attempts</c>.
/// </summary>
public sealed record DeliveryAttempt : StripeObject
{
    protected override string TypeName => "webhook_delivery_attempt";

    public required string Id { get; init; }

    /// <summary>1 for the first attempt at delivering the event to the endpoint, 2 for the first retry…</summary>
    public required int Attempt { get; init; }

    /// <summary>When the request was sent.</summary>
    public required DateTimeOffset Created { get; init; }

    public required long DurationMs { get; init; }

    /// <summary>Why no response came back (timeout, connection failure); null when one did.</summary>
    public string? Error { get; init; }

    public required string Event { get; init; }

    public required string EventType { get; init; }

    /// <summary>The response's status code; null when none came back. 2xx is a success, anything else a failure.</summary>
    public int? StatusCode { get; init; }

    public required string WebhookEndpoint { get; init; }
}
