namespace Marketplace.Payments.Customers;

/// <summary>Stripe's <c>shipping</c> hash on a customer; carrier and tracking number belong to shipments and stay null here.</summary>
public sealed record CustomerShipping
{
    public required CustomerAddress Address { get; init; }

    public string? Carrier { get; init; }

    public required string Name { get; init; }

    public string? Phone { get; init; }

    public string? TrackingNumber { get; init; }
}
