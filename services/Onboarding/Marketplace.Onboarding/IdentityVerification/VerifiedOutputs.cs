using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Persons;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>
/// Stripe's <c>verified_outputs</c>: what the check confirmed. The ID number itself is never kept nor shown (Stripe
/// shows it only when expanded, which this service does not offer); its type is.
/// </summary>
public sealed record VerifiedOutputs
{
    public Address? Address { get; init; }

    public Dob? Dob { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? IdNumber { get; init; }

    public string? IdNumberType { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }
}
