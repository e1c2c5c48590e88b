using System.Text.Json.Serialization;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Capabilities;

/// <summary>
/// Stripe's <c>capability</c> object; its id is the capability's name. Not a <see cref="StripeObject"/>: Stripe's
/// capability has no <c>livemode</c>.
/// </summary>
public sealed record Capability
{
    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => "capability";

    public required string Account { get; init; }

    public required AccountRequirements FutureRequirements { get; init; }

    public required bool Requested { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    public required AccountRequirements Requirements { get; init; }

    /// <summary><c>active</c>, <c>inactive</c>, <c>pending</c> or <c>unrequested</c>.</summary>
    public required string Status { get; init; }

    /// <summary>
    /// The capability <paramref name="name"/> of the account <paramref name="view"/> renders: its status and the
    /// account's requirements while requested (every capability here needs the same fields), <c>unrequested</c> with
    /// nothing due otherwise.
    /// </summary>
    public static Capability Of(AccountView view, string name)
    {
        ArgumentNullException.ThrowIfNull(view);
        var account = view.Render();
        var requested = view.Stored.Record.Capabilities.TryGetValue(name, out var requestedAt);
        return new Capability
        {
            Id = name,
            Account = view.Stored.Id,
            FutureRequirements = requested ? account.FutureRequirements : new AccountRequirements(),
            Requested = requested,
            RequestedAt = requested ? requestedAt : null,
            Requirements = requested ? account.Requirements : new AccountRequirements(),
            Status = account.Capabilities.GetValueOrDefault(name) ?? "unrequested",
        };
    }
}
