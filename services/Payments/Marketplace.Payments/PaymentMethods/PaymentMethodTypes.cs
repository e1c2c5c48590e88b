namespace Marketplace.Payments.PaymentMethods;

/// <summary>The payment method types this platform takes, and which of them send the payer to a page of their bank or wallet.</summary>
public static class PaymentMethodTypes
{
    public const string Card = "card";
    public const string SepaDebit = "sepa_debit";
    public const string Ideal = "ideal";
    public const string Bancontact = "bancontact";
    public const string Paypal = "paypal";

    public static readonly IReadOnlyList<string> All = [Card, SepaDebit, Ideal, Bancontact, Paypal];

    /// <summary>Methods whose every use redirects the payer (Stripe's <c>allow_redirects</c> concerns these).</summary>
    public static bool Redirects(string type) => type is Ideal or Bancontact or Paypal;
}
