using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// A Radar rule as <c>/v1/radar/rules</c> renders it (<c>radar.rule</c>): Stripe has no public rules API, so this
/// object is ours, written in Stripe's style.
/// </summary>
public sealed record Rule : StripeObject
{
    protected override string TypeName => "radar.rule";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    /// <summary><c>request_3ds</c>, <c>allow</c>, <c>block</c> or <c>review</c>.</summary>
    public required string Action { get; init; }

    public required DateTimeOffset Created { get; init; }

    public string? Description { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>The condition, as written after <c>if</c>.</summary>
    public required string Predicate { get; init; }
}
