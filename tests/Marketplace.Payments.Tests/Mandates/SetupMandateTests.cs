using System.Net;
using Marketplace.Api.Context;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.Mandates;

/// <summary>
/// Setting a SEPA Direct Debit method up records its mandate, which the setup intent names and the method's later
/// debits run under; the mandate's page shows the payer what they accepted.
/// </summary>
public sealed class SetupMandateTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASetUpMethod_IsDebitedLaterUnderTheMandateOfItsSetup()
    {
        var context = TestContexts.NewPlatform();
        var (customer, method) = await SepaMethodAsync(context);

        var setup = await SetUpAsync(context, customer, method);
        var payment = await service.PaymentIntentsFor(context).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 1500, Currency = "eur", AllowedPaymentMethodTypes = ["sepa_debit"], Customer = customer, PaymentMethod = method,
            OffSession = true, Confirm = true, Expand = ["latest_charge"],
        }, cancellationToken: Cancellation);

        Assert.Equal("succeeded", setup.Status);
        Assert.StartsWith("mandate_", setup.MandateId, StringComparison.Ordinal);
        Assert.Equal(setup.MandateId, payment.LatestCharge.PaymentMethodDetails.SepaDebit.Mandate);
        var expanded = await service.SetupIntentsFor(context).GetAsync(setup.Id, new SetupIntentGetOptions { Expand = ["mandate"] }, cancellationToken: Cancellation);
        Assert.Equal((setup.MandateId, method), (expanded.Mandate.Id, expanded.Mandate.PaymentMethodId));
    }

    [Fact]
    public async Task ASetupWithoutMandateData_IsRefusedAndChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        var (customer, method) = await SepaMethodAsync(context);
        var intents = service.SetupIntentsFor(context);
        var intent = await intents.CreateAsync(new SetupIntentCreateOptions { Customer = customer, PaymentMethod = method }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => intents.ConfirmAsync(intent.Id, cancellationToken: Cancellation));

        Assert.Equal((HttpStatusCode.BadRequest, "mandate_data"), (error.HttpStatusCode, error.StripeError.Param));
        Assert.StartsWith("This SetupIntent requires a mandate", error.StripeError.Message, StringComparison.Ordinal);
        var unchanged = await intents.GetAsync(intent.Id, cancellationToken: Cancellation);
        Assert.Equal(("requires_confirmation", null), (unchanged.Status, unchanged.MandateId));
    }

    [Fact]
    public async Task TheMandatePage_ShowsThePayerWhatTheyAccepted_AndNothingToAGuess()
    {
        var context = TestContexts.NewPlatform();
        var (customer, method) = await SepaMethodAsync(context);
        var mandate = await service.MandatesFor(context).GetAsync((await SetUpAsync(context, customer, method)).MandateId, cancellationToken: Cancellation);
        using var browser = service.PageClient();

        var page = await browser.GetAsync(new Uri(mandate.PaymentMethodDetails.SepaDebit.Url).PathAndQuery, Cancellation);
        var guessed = await browser.GetAsync("/payments/mandates/0123456789abcdef", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains(mandate.PaymentMethodDetails.SepaDebit.Reference, html, StringComparison.Ordinal);
        Assert.Contains("Jenny Rosen", html, StringComparison.Ordinal);
        Assert.Contains("IBAN ending in 3000", html, StringComparison.Ordinal);
        Assert.Contains("online, from 203.0.113.7", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    async Task<SetupIntent> SetUpAsync(RequestContext context, string customer, string method) =>
        await service.SetupIntentsFor(context).CreateAsync(new SetupIntentCreateOptions
        {
            Customer = customer,
            PaymentMethod = method,
            Confirm = true,
            MandateData = new SetupIntentMandateDataOptions
            {
                CustomerAcceptance = new SetupIntentMandateDataCustomerAcceptanceOptions
                {
                    Type = "online",
                    Online = new SetupIntentMandateDataCustomerAcceptanceOnlineOptions { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0 (test)" },
                },
            },
        }, cancellationToken: Cancellation);

    async Task<(string Customer, string Method)> SepaMethodAsync(RequestContext context)
    {
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions { Name = "Jenny Rosen" }, cancellationToken: Cancellation);
        var method = await SepaMethods.CreateAsync(service.PaymentMethodsFor(context));
        return (customer.Id, method);
    }
}
