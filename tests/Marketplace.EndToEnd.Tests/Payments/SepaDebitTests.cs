using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>
/// SEPA Direct Debit through the gateway with Stripe's test IBANs: the confirm records the payer's mandate and answers
/// <c>processing</c>; after the settlement delay the debit lands in the balance with its balance transaction, or is
/// returned and moves no money.
/// </summary>
public sealed class SepaDebitTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASucceedingDebit_IsProcessingThenSucceedsWithItsBalanceTransaction()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);

        var confirmed = await DebitAsync(stripe, "DE89370400440532013000", 3_000);

        Assert.Equal("processing", confirmed.Status);
        var succeeded = await SettledAsync(stripe, confirmed.Id);
        Assert.Equal(("succeeded", 3_000L), (succeeded.Status, succeeded.AmountReceived));
        var charge = await stripe.V1.Charges.GetAsync(succeeded.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal(("succeeded", "sepa_debit"), (charge.Status, charge.PaymentMethodDetails.Type));
        var mandate = await stripe.V1.Mandates.GetAsync(charge.PaymentMethodDetails.SepaDebit.Mandate, cancellationToken: Cancellation);
        Assert.Equal(("active", "203.0.113.7"), (mandate.Status, mandate.CustomerAcceptance.Online.IpAddress));
        using var browser = new HttpClient();
        var page = await browser.GetAsync(mandate.PaymentMethodDetails.SepaDebit.Url, Cancellation);
        Assert.Contains(mandate.PaymentMethodDetails.SepaDebit.Reference, await page.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        var transaction = await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal(charge.Id, transaction.SourceId);
        var (pending, available) = await BalanceAsync(stripe, transaction.Currency);
        Assert.Equal(transaction.Net, pending + available);
        Assert.True(transaction.Net > 0);
    }

    [Fact]
    public async Task AFailingDebit_EndsRequiringAPaymentMethod_AndMovesNoMoney()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);

        var confirmed = await DebitAsync(stripe, "DE62370400440532013001", 3_000);

        Assert.Equal("processing", confirmed.Status);
        var failed = await SettledAsync(stripe, confirmed.Id);
        Assert.Equal(("requires_payment_method", "insufficient_funds"), (failed.Status, failed.LastPaymentError.Code));
        var charge = await stripe.V1.Charges.GetAsync(confirmed.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal(("failed", null), (charge.Status, charge.BalanceTransactionId));
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "eur"));
        Assert.Empty((await stripe.V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation)).Data);
    }

    static async Task<PaymentIntent> DebitAsync(StripeClient stripe, string iban, long amount)
    {
        var method = await stripe.V1.PaymentMethods.CreateAsync(new PaymentMethodCreateOptions
        {
            Type = "sepa_debit",
            SepaDebit = new PaymentMethodSepaDebitOptions { Iban = iban },
            BillingDetails = new PaymentMethodBillingDetailsOptions { Name = "Jenny Rosen", Email = "jenny@example.com" },
        }, cancellationToken: Cancellation);
        return await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = amount, Currency = "eur", AllowedPaymentMethodTypes = ["sepa_debit"], PaymentMethod = method.Id, Confirm = true,
            MandateData = new PaymentIntentMandateDataOptions
            {
                CustomerAcceptance = new PaymentIntentMandateDataCustomerAcceptanceOptions
                {
                    Type = "online",
                    Online = new PaymentIntentMandateDataCustomerAcceptanceOnlineOptions { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0 (test)" },
                },
            },
        });
    }

    /// <summary>The intent once the scheme answered (the local stack settles debits after a few seconds).</summary>
    static async Task<PaymentIntent> SettledAsync(StripeClient stripe, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var intent = await stripe.V1.PaymentIntents.GetAsync(id, cancellationToken: Cancellation);
            if (intent.Status != "processing" || DateTime.UtcNow > deadline)
            {
                return intent;
            }

            await Task.Delay(250, Cancellation);
        }
    }
}
