using System.Text.Json.Serialization;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Accounts;

/// <summary>Stripe's <c>capability</c> object, as <c>capability.updated</c> carries it; its id is the capability's name.</summary>
public sealed record Capability : StripeObject
{
    protected override string TypeName => "capability";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required string Account { get; init; }

    public required AccountRequirements FutureRequirements { get; init; }

    public bool Requested { get; init; } = true;

    public DateTimeOffset? RequestedAt { get; init; }

    public required AccountRequirements Requirements { get; init; }

    /// <summary><c>active</c>, <c>inactive</c>, <c>pending</c> or <c>unrequested</c>.</summary>
    public required string Status { get; init; }
}
