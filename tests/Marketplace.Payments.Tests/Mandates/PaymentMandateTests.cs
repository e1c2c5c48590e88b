using System.Net;
using Marketplace.Api.Context;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Payments.Tests.Mandates;

/// <summary>
/// A SEPA Direct Debit runs under a mandate, as on Stripe: the confirm's <c>mandate_data</c> records one, which the
/// charge names and <c>/v1/mandates</c> shows; a later debit of the same method reuses it; a debit with none is refused
/// and changes nothing.
/// </summary>
public sealed class PaymentMandateTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    static PaymentIntentMandateDataOptions Online => new()
    {
        CustomerAcceptance = new PaymentIntentMandateDataCustomerAcceptanceOptions
        {
            Type = "online",
            AcceptedAt = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000).UtcDateTime,
            Online = new PaymentIntentMandateDataCustomerAcceptanceOnlineOptions { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0 (test)" },
        },
    };

    [Fact]
    public async Task Confirm_WithMandateData_RecordsAMandateTheChargeNames()
    {
        var context = TestContexts.NewPlatform();
        var method = await SepaMethodAsync(context);

        var intent = await CreateAsync(context, method, confirm: true, mandateData: Online);

        var charge = await LatestChargeAsync(context, intent);
        var mandateId = charge.PaymentMethodDetails.SepaDebit.Mandate;
        Assert.StartsWith("mandate_", mandateId, StringComparison.Ordinal);
        var mandate = await service.MandatesFor(context).GetAsync(mandateId, cancellationToken: Cancellation);
        Assert.Equal(("active", "multi_use", method), (mandate.Status, mandate.Type, mandate.PaymentMethodId));
        Assert.Equal(("online", "203.0.113.7", "Mozilla/5.0 (test)"),
            (mandate.CustomerAcceptance.Type, mandate.CustomerAcceptance.Online.IpAddress, mandate.CustomerAcceptance.Online.UserAgent));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_790_000_000).UtcDateTime, mandate.CustomerAcceptance.AcceptedAt);
        Assert.Equal("sepa_debit", mandate.PaymentMethodDetails.Type);
        Assert.Matches("^[A-Z0-9]{16}$", mandate.PaymentMethodDetails.SepaDebit.Reference);
        Assert.StartsWith("http://127.0.0.1:8080/payments/mandates/", mandate.PaymentMethodDetails.SepaDebit.Url, StringComparison.Ordinal);
        Assert.Subset(StripeModelFields.Of(typeof(Mandate)), StripeModelFields.Of(mandate.RawJsonElement!.Value));
    }

    [Fact]
    public async Task Confirm_WithOfflineAcceptance_RecordsItWithoutAnAddress()
    {
        var context = TestContexts.NewPlatform();
        var method = await SepaMethodAsync(context);

        var intent = await CreateAsync(context, method, confirm: true, mandateData: new PaymentIntentMandateDataOptions
        {
            CustomerAcceptance = new PaymentIntentMandateDataCustomerAcceptanceOptions { Type = "offline" },
        });

        var mandate = await service.MandatesFor(context).GetAsync(
            (await LatestChargeAsync(context, intent)).PaymentMethodDetails.SepaDebit.Mandate, cancellationToken: Cancellation);
        Assert.Equal("offline", mandate.CustomerAcceptance.Type);
        Assert.Null(mandate.CustomerAcceptance.Online);
        Assert.True(mandate.CustomerAcceptance.AcceptedAt > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task ALaterDebit_OfTheSameMethod_RunsUnderItsMandate()
    {
        var context = TestContexts.NewPlatform();
        var method = await SepaMethodAsync(context);
        var first = await LatestChargeAsync(context, await CreateAsync(context, method, confirm: true, mandateData: Online));

        var second = await LatestChargeAsync(context, await CreateAsync(context, method, confirm: true));
        var named = await LatestChargeAsync(context, await CreateAsync(context, method, confirm: true, mandate: first.PaymentMethodDetails.SepaDebit.Mandate));

        Assert.Equal(first.PaymentMethodDetails.SepaDebit.Mandate, second.PaymentMethodDetails.SepaDebit.Mandate);
        Assert.Equal(first.PaymentMethodDetails.SepaDebit.Mandate, named.PaymentMethodDetails.SepaDebit.Mandate);
    }

    [Fact]
    public async Task Confirm_OfAMethodWithoutAMandate_IsRefusedAndChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        var intent = await CreateAsync(context, await SepaMethodAsync(context), confirm: false);

        var error = await Assert.ThrowsAsync<StripeException>(() => service.PaymentIntentsFor(context).ConfirmAsync(intent.Id, cancellationToken: Cancellation));

        Assert.Equal((HttpStatusCode.BadRequest, "mandate_data"), (error.HttpStatusCode, error.StripeError.Param));
        Assert.StartsWith("This PaymentIntent requires a mandate", error.StripeError.Message, StringComparison.Ordinal);
        Assert.Equal(("requires_confirmation", null), await StatusAsync(context, intent.Id));
        Assert.Equal(0, await Rows.MandateCountAsync(service.Database, context.AccountId));
    }

    [Fact]
    public async Task Confirm_SettingTheMethodUpForLater_NeedsFreshMandateData()
    {
        var context = TestContexts.NewPlatform();
        var method = await SepaMethodAsync(context);
        await CreateAsync(context, method, confirm: true, mandateData: Online);
        var intent = await CreateAsync(context, method, confirm: false);

        var error = await Assert.ThrowsAsync<StripeException>(() => service.PaymentIntentsFor(context).ConfirmAsync(
            intent.Id, new PaymentIntentConfirmOptions { SetupFutureUsage = "off_session" }, cancellationToken: Cancellation));

        Assert.Equal(
            "When confirming a PaymentIntent with a `sepa_debit` PaymentMethod and `setup_future_usage`, `mandate_data` is required.",
            error.StripeError.Message);
        Assert.Equal(("requires_confirmation", null), await StatusAsync(context, intent.Id));
    }

    [Fact]
    public async Task Confirm_NamingAMandateOfAnotherMethod_OrNone_IsRefused()
    {
        var context = TestContexts.NewPlatform();
        var other = await LatestChargeAsync(context, await CreateAsync(context, await SepaMethodAsync(context), confirm: true, mandateData: Online));
        var intent = await CreateAsync(context, await SepaMethodAsync(context), confirm: false);
        var intents = service.PaymentIntentsFor(context);

        var foreign = await Assert.ThrowsAsync<StripeException>(() => intents.ConfirmAsync(
            intent.Id, new PaymentIntentConfirmOptions { Mandate = other.PaymentMethodDetails.SepaDebit.Mandate }, cancellationToken: Cancellation));
        var unknown = await Assert.ThrowsAsync<StripeException>(() => intents.ConfirmAsync(
            intent.Id, new PaymentIntentConfirmOptions { Mandate = "mandate_unknown" }, cancellationToken: Cancellation));

        Assert.Equal((HttpStatusCode.BadRequest, "payment_intent_mandate_invalid", "mandate"),
            (foreign.HttpStatusCode, foreign.StripeError.Code, foreign.StripeError.Param));
        Assert.Equal((HttpStatusCode.NotFound, "resource_missing"), (unknown.HttpStatusCode, unknown.StripeError.Code));
        Assert.Equal(("requires_confirmation", null), await StatusAsync(context, intent.Id));
    }

    [Fact]
    public async Task MandateData_IsCheckedAsStripeChecksIt()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var method = await SepaMethodAsync(context);
        (string, string)[] payment = [("amount", "1000"), ("currency", "eur"), ("payment_method_types[]", "sepa_debit"), ("payment_method", method)];

        var withoutConfirm = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/payment_intents",
            [.. payment, ("mandate_data[customer_acceptance][type]", "offline")]), HttpStatusCode.BadRequest);
        var withoutAddress = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/payment_intents",
            [.. payment, ("confirm", "true"), ("mandate_data[customer_acceptance][type]", "online"),
                ("mandate_data[customer_acceptance][online][user_agent]", "curl")]), HttpStatusCode.BadRequest);
        var inferredWithASecretKey = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/payment_intents",
            [.. payment, ("confirm", "true"), ("mandate_data[customer_acceptance][type]", "online"),
                ("mandate_data[customer_acceptance][online][infer_from_client]", "true")]), HttpStatusCode.BadRequest);

        Assert.Equal("mandate_data", withoutConfirm.Text("param"));
        Assert.Equal(("parameter_missing", "mandate_data[customer_acceptance][online][ip_address]"),
            (withoutAddress.Text("code"), withoutAddress.Text("param")));
        Assert.Equal("mandate_data[customer_acceptance][online][infer_from_client]", inferredWithASecretKey.Text("param"));
        Assert.Empty((await service.PaymentIntentsFor(context).ListAsync(cancellationToken: Cancellation)).Data);
        Assert.Equal(0, await Rows.MandateCountAsync(service.Database, context.AccountId));
    }

    [Fact]
    public async Task AnInferredAcceptance_FromThePayersBrowser_IsTheRequestsAddressAndAgent()
    {
        var context = TestContexts.NewPlatform();
        var intent = await CreateAsync(context, await SepaMethodAsync(context), confirm: false);
        using var browser = service.ClientFor(context with { KeyKind = ApiKeyKind.Publishable });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/payment_intents/{intent.Id}/confirm")
        {
            Content = Http.Form(
                ("client_secret", intent.ClientSecret),
                ("mandate_data[customer_acceptance][type]", "online"),
                ("mandate_data[customer_acceptance][online][infer_from_client]", "true")),
        };
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");
        request.Headers.UserAgent.ParseAdd("PayerBrowser/1.0");

        var confirmed = await Http.OkAsync(await browser.SendAsync(request, Cancellation));

        var charge = await LatestChargeAsync(context, await service.PaymentIntentsFor(context).GetAsync(confirmed.Id(), cancellationToken: Cancellation));
        var mandate = await service.MandatesFor(context).GetAsync(charge.PaymentMethodDetails.SepaDebit.Mandate, cancellationToken: Cancellation);
        Assert.Equal(("198.51.100.23", "PayerBrowser/1.0"), (mandate.CustomerAcceptance.Online.IpAddress, mandate.CustomerAcceptance.Online.UserAgent));
    }

    [Fact]
    public async Task AMandate_IsSeenOnlyByItsAccount()
    {
        var context = TestContexts.NewPlatform();
        var charge = await LatestChargeAsync(context, await CreateAsync(context, await SepaMethodAsync(context), confirm: true, mandateData: Online));

        var error = await Assert.ThrowsAsync<StripeException>(() => service.MandatesFor(TestContexts.NewPlatform())
            .GetAsync(charge.PaymentMethodDetails.SepaDebit.Mandate, cancellationToken: Cancellation));

        Assert.Equal((HttpStatusCode.NotFound, "resource_missing"), (error.HttpStatusCode, error.StripeError.Code));
    }

    async Task<PaymentIntent> CreateAsync(
        RequestContext context, string method, bool confirm, PaymentIntentMandateDataOptions? mandateData = null, string? mandate = null) =>
        await service.PaymentIntentsFor(context).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 1000, Currency = "eur", AllowedPaymentMethodTypes = ["sepa_debit"], PaymentMethod = method, Confirm = confirm,
            MandateData = mandateData, Mandate = mandate,
        }, cancellationToken: Cancellation);

    async Task<Charge> LatestChargeAsync(RequestContext context, PaymentIntent intent) =>
        (await service.PaymentIntentsFor(context).GetAsync(
            intent.Id, new PaymentIntentGetOptions { Expand = ["latest_charge"] }, cancellationToken: Cancellation)).LatestCharge;

    async Task<(string, string?)> StatusAsync(RequestContext context, string id)
    {
        var intent = await service.PaymentIntentsFor(context).GetAsync(id, cancellationToken: Cancellation);
        return (intent.Status, intent.LatestChargeId);
    }

    Task<string> SepaMethodAsync(RequestContext context) => SepaMethods.CreateAsync(service.PaymentMethodsFor(context));
}
