namespace Marketplace.Payments.Tests.Support;

/// <summary>SEPA Direct Debit payment methods as a platform creates them: Jenny Rosen's account with the IBAN given.</summary>
static class SepaMethods
{
    /// <summary>Stripe's test IBAN whose debits settle.</summary>
    public const string Settles = "DE89370400440532013000";

    public static async Task<string> CreateAsync(Stripe.PaymentMethodService methods, string iban = Settles) =>
        (await methods.CreateAsync(new Stripe.PaymentMethodCreateOptions
        {
            Type = "sepa_debit",
            SepaDebit = new Stripe.PaymentMethodSepaDebitOptions { Iban = iban },
            BillingDetails = new Stripe.PaymentMethodBillingDetailsOptions { Name = "Jenny Rosen", Email = "jenny@example.com" },
        }, cancellationToken: TestContext.Current.CancellationToken)).Id;
}
