namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// What one HTTP attempt came to: the response's status code, or — when no response came back (timeout, refused
/// connection, TLS or protocol failure) — the error.
/// </summary>
public sealed record DeliveryOutcome(DateTimeOffset Started, TimeSpan Duration, int? StatusCode, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
