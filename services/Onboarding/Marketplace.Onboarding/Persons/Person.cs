using System.Text.Json.Serialization;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Persons;

/// <summary>Stripe's <c>person</c> object: an account's individual, or one of a company's people.</summary>
public sealed record Person : StripeObject
{
    protected override string TypeName => "person";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required string Account { get; init; }

    public Address? Address { get; init; }

    public required DateTimeOffset Created { get; init; }

    public Dob? Dob { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public bool IdNumberProvided { get; init; }

    public string? LastName { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? Phone { get; init; }

    public required PersonRelationship Relationship { get; init; }

    public required PersonRequirements Requirements { get; init; }

    /// <summary>Stripe spells it <c>ssn_last_4_provided</c>, which snake-casing <c>SsnLast4</c> would not give.</summary>
    [JsonPropertyName("ssn_last_4_provided")]
    public bool SsnLast4Provided { get; init; }

    public required PersonVerification Verification { get; init; }
}
