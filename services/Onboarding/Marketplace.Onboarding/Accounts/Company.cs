namespace Marketplace.Onboarding.Accounts;

/// <summary>Stripe's <c>company</c> hash as rendered: identifiers show only whether they were provided.</summary>
public sealed record Company
{
    public Address? Address { get; init; }

    public bool DirectorsProvided { get; init; }

    public bool ExecutivesProvided { get; init; }

    public string? Name { get; init; }

    public bool OwnersProvided { get; init; }

    public string? Phone { get; init; }

    public string? Structure { get; init; }

    public bool TaxIdProvided { get; init; }

    public bool VatIdProvided { get; init; }
}
