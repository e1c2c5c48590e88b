namespace Marketplace.Payments.PaymentMethods;

/// <summary>The billing <c>address</c>: always rendered, every line null until given.</summary>
public sealed record BillingAddress
{
    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Line1 { get; init; }

    public string? Line2 { get; init; }

    public string? PostalCode { get; init; }

    public string? State { get; init; }
}
