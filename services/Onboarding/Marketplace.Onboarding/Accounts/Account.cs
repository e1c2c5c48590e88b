using System.Text.Json.Serialization;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.Persons;
using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Stripe's <c>account</c> object as API version <c>2026-10-28.endive</c> renders a connected account: what was
/// submitted, and what follows from it (requirements, capabilities' statuses, <c>charges_enabled</c>,
/// <c>payouts_enabled</c>), computed by <see cref="AccountView"/> on every rendering.
/// </summary>
public sealed record Account : StripeObject
{
    protected override string TypeName => "account";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required BusinessProfile BusinessProfile { get; init; }

    public string? BusinessType { get; init; }

    /// <summary>Each requested capability and its status: <c>active</c>, <c>inactive</c> or <c>pending</c>.</summary>
    public required IReadOnlyDictionary<string, string> Capabilities { get; init; }

    public bool ChargesEnabled { get; init; }

    public Company? Company { get; init; }

    public required AccountController Controller { get; init; }

    public required string Country { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string DefaultCurrency { get; init; }

    public bool DetailsSubmitted { get; init; }

    public string? Email { get; init; }

    public required StripeList<BankAccount> ExternalAccounts { get; init; }

    public required AccountRequirements FutureRequirements { get; init; }

    public Person? Individual { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public bool PayoutsEnabled { get; init; }

    public required AccountRequirements Requirements { get; init; }

    public required AccountSettings Settings { get; init; }

    public required TosAcceptance TosAcceptance { get; init; }

    /// <summary><c>standard</c>, <c>express</c>, <c>custom</c>, or <c>none</c> for an account created with <c>controller</c> alone.</summary>
    public required string Type { get; init; }
}
