namespace Marketplace.Payments.Customers;

/// <summary>Stripe's <c>address</c> hash: every line optional, none validated beyond its length, as Stripe does for customers.</summary>
public sealed record CustomerAddress
{
    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Line1 { get; init; }

    public string? Line2 { get; init; }

    public string? PostalCode { get; init; }

    public string? State { get; init; }
}
