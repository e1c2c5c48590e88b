namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>billing_details</c>: who pays and where, as the payer typed it.</summary>
public sealed record BillingDetails
{
    public BillingAddress Address { get; init; } = new();

    public string? Email { get; init; }

    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? TaxId { get; init; }
}
