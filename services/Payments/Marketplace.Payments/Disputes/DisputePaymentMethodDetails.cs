namespace Marketplace.Payments.Disputes;

/// <summary>Stripe's <c>payment_method_details</c> of a card dispute.</summary>
public sealed record DisputePaymentMethodDetails(DisputeCardDetails Card)
{
    public string Type => "card";
}
