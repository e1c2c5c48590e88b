using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>Stripe's <c>webhook_endpoint</c> object, field for field as Stripe.net's <c>Stripe.WebhookEndpoint</c> reads it.</summary>
public sealed record WebhookEndpoint : StripeObject
{
    protected override string TypeName => "webhook_endpoint";

    public required string Id { get; init; }

    /// <summary>The version the endpoint asked for at creation, null for the account's default (as Stripe).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Set by Stripe for endpoints a Connect application created; there are no such applications here.</summary>
    public string? Application => null;

    public required DateTimeOffset Created { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<string> EnabledEvents { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Only the create response carries the signing secret, as with Stripe; elsewhere the field is left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public required string Status { get; init; }

    public required string Url { get; init; }
}
