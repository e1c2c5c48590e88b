namespace Marketplace.Payments.Mandates;

/// <summary>Stripe's <c>payment_method_details</c> of a mandate: its type and what the scheme knows it by.</summary>
public sealed record MandatePaymentMethodDetails(MandateSepaDebitDetails SepaDebit)
{
    public string Type => "sepa_debit";
}
