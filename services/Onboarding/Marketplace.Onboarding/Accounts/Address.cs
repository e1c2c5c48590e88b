namespace Marketplace.Onboarding.Accounts;

/// <summary>Stripe's <c>address</c> hash, as individuals, persons, companies and support addresses carry it.</summary>
public sealed record Address
{
    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Line1 { get; init; }

    public string? Line2 { get; init; }

    public string? PostalCode { get; init; }

    public string? State { get; init; }
}
