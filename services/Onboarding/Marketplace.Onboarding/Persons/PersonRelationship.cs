namespace Marketplace.Onboarding.Persons;

/// <summary>How a person relates to the account: Stripe's <c>relationship</c> hash.</summary>
public sealed record PersonRelationship
{
    public bool? Authorizer { get; init; }

    public bool? Director { get; init; }

    public bool? Executive { get; init; }

    public bool? LegalGuardian { get; init; }

    public bool? Owner { get; init; }

    /// <summary>0–100, two decimals at most, as Stripe takes it.</summary>
    public decimal? PercentOwnership { get; init; }

    public bool? Representative { get; init; }

    public string? Title { get; init; }
}
