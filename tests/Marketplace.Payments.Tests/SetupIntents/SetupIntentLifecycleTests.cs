using System.Net;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>A setup intent's statuses as Stripe's lifecycle has them, through Stripe.net, for cards that need no authentication.</summary>
public sealed class SetupIntentLifecycleTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithNothing_RequiresAPaymentMethod_WithStripesDefaults()
    {
        var context = TestContexts.NewPlatform();

        var intent = await service.SetupIntentsFor(context).CreateAsync(new SetupIntentCreateOptions(), cancellationToken: Cancellation);

        Assert.StartsWith("seti_", intent.Id, StringComparison.Ordinal);
        Assert.Equal("requires_payment_method", intent.Status);
        Assert.Equal("off_session", intent.Usage);
        Assert.StartsWith($"{intent.Id}_secret_", intent.ClientSecret, StringComparison.Ordinal);
        Assert.True(intent.AutomaticPaymentMethods.Enabled);
        Assert.Equal("always", intent.AutomaticPaymentMethods.AllowRedirects);
        Assert.Equal(["card", "sepa_debit", "ideal", "bancontact", "paypal"], intent.PaymentMethodTypes);
        Assert.Equal("automatic", intent.PaymentMethodOptions.Card.RequestThreeDSecure);
        Assert.Null(intent.NextAction);
        Assert.Null(intent.LastSetupError);
        Assert.Equal(["setup_intent.created"], (await Rows.EventsAsync(service.Database, context.AccountId, intent.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task ConfirmOnCreate_WithAGoodCard_SucceedsAttachesTheCardToTheCustomerAndSetsItUpForOffSession()
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions { Email = "jenny@example.com" }, cancellationToken: Cancellation);

        var intent = await service.SetupIntentsFor(context).CreateAsync(
            new SetupIntentCreateOptions { Customer = customer.Id, PaymentMethod = "pm_card_visa", Confirm = true }, cancellationToken: Cancellation);

        Assert.Equal("succeeded", intent.Status);
        var method = await service.PaymentMethodsFor(context).GetAsync(intent.PaymentMethodId, cancellationToken: Cancellation);
        Assert.Equal(customer.Id, method.CustomerId);
        Assert.True(await Rows.SetUpForOffSessionAsync(service.Database, method.Id));
        Assert.Equal(["setup_intent.created", "setup_intent.succeeded"], (await Rows.EventsAsync(service.Database, context.AccountId, intent.Id)).Select(e => e.Type));
        Assert.Equal(["payment_method.attached"], (await Rows.EventsAsync(service.Database, context.AccountId, method.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task OnSessionUsage_Succeeds_WithoutSettingTheCardUpForOffSession()
    {
        var context = TestContexts.NewPlatform();

        var intent = await service.SetupIntentsFor(context).CreateAsync(
            new SetupIntentCreateOptions { PaymentMethod = "pm_card_mastercard", Usage = "on_session", Confirm = true }, cancellationToken: Cancellation);

        Assert.Equal(("succeeded", "on_session"), (intent.Status, intent.Usage));
        Assert.False(await Rows.SetUpForOffSessionAsync(service.Database, intent.PaymentMethodId));
    }

    [Fact]
    public async Task UpdateWithAPaymentMethod_RequiresConfirmation_ThenConfirmSucceeds()
    {
        var intents = service.SetupIntentsFor(TestContexts.NewPlatform());
        var created = await intents.CreateAsync(new SetupIntentCreateOptions { AllowedPaymentMethodTypes = ["card"] }, cancellationToken: Cancellation);

        var updated = await intents.UpdateAsync(created.Id, new SetupIntentUpdateOptions
        {
            PaymentMethod = "pm_card_amex",
            Description = "Card for the monthly box",
            Metadata = new Dictionary<string, string> { ["order"] = "42" },
        }, cancellationToken: Cancellation);
        var confirmed = await intents.ConfirmAsync(created.Id, cancellationToken: Cancellation);
        var cleared = await intents.UpdateAsync(created.Id, new SetupIntentUpdateOptions { Description = "" }, cancellationToken: Cancellation);

        Assert.Equal(["card"], created.PaymentMethodTypes);
        Assert.Null(cleared.Description);
        Assert.Null(created.AutomaticPaymentMethods);
        Assert.Equal(("requires_confirmation", "Card for the monthly box", "42"), (updated.Status, updated.Description, updated.Metadata["order"]));
        Assert.Equal("succeeded", confirmed.Status);
        Assert.Equal(updated.PaymentMethodId, confirmed.PaymentMethodId);
    }

    [Fact]
    public async Task Confirm_WithASepaDebitMethod_Succeeds()
    {
        var context = TestContexts.NewPlatform();
        var method = await service.PaymentMethodsFor(context).CreateAsync(new PaymentMethodCreateOptions
        {
            Type = "sepa_debit",
            SepaDebit = new PaymentMethodSepaDebitOptions { Iban = "DE89370400440532013000" },
            BillingDetails = new PaymentMethodBillingDetailsOptions { Name = "Jenny Rosen", Email = "jenny@example.com" },
        }, cancellationToken: Cancellation);

        var intent = await service.SetupIntentsFor(context).CreateAsync(
            new SetupIntentCreateOptions
            {
                PaymentMethod = method.Id,
                Confirm = true,
                MandateData = new SetupIntentMandateDataOptions { CustomerAcceptance = new SetupIntentMandateDataCustomerAcceptanceOptions { Type = "offline" } },
            }, cancellationToken: Cancellation);

        Assert.Equal("succeeded", intent.Status);
    }

    [Fact]
    public async Task Cancel_AnOpenIntent_CancelsItWithItsReason_AndAnnouncesIt()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.SetupIntentsFor(context);
        var created = await intents.CreateAsync(new SetupIntentCreateOptions(), cancellationToken: Cancellation);

        var canceled = await intents.CancelAsync(created.Id, new SetupIntentCancelOptions { CancellationReason = "abandoned" }, cancellationToken: Cancellation);
        var again = await Assert.ThrowsAsync<StripeException>(() => intents.CancelAsync(created.Id, cancellationToken: Cancellation));

        Assert.Equal(("canceled", "abandoned"), (canceled.Status, canceled.CancellationReason));
        Assert.Equal("setup_intent_unexpected_state", again.StripeError.Code);
        Assert.Equal(["setup_intent.created", "setup_intent.canceled"], (await Rows.EventsAsync(service.Database, context.AccountId, created.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task ASucceededIntent_CannotBeConfirmedCanceledOrGivenAnotherMethod()
    {
        var intents = service.SetupIntentsFor(TestContexts.NewPlatform());
        var succeeded = await intents.CreateAsync(new SetupIntentCreateOptions { PaymentMethod = "pm_card_visa", Confirm = true }, cancellationToken: Cancellation);

        var confirm = await Assert.ThrowsAsync<StripeException>(() => intents.ConfirmAsync(succeeded.Id, cancellationToken: Cancellation));
        var cancel = await Assert.ThrowsAsync<StripeException>(() => intents.CancelAsync(succeeded.Id, cancellationToken: Cancellation));
        var update = await Assert.ThrowsAsync<StripeException>(() => intents.UpdateAsync(
            succeeded.Id, new SetupIntentUpdateOptions { PaymentMethod = "pm_card_mastercard" }, cancellationToken: Cancellation));
        var metadata = await intents.UpdateAsync(
            succeeded.Id, new SetupIntentUpdateOptions { Metadata = new Dictionary<string, string> { ["note"] = "still allowed" } }, cancellationToken: Cancellation);

        Assert.All([confirm, cancel, update], error => Assert.Equal("setup_intent_unexpected_state", error.StripeError.Code));
        Assert.Equal("You cannot confirm this SetupIntent because it has a status of succeeded.", confirm.StripeError.Message);
        Assert.Equal(("succeeded", succeeded.PaymentMethodId, "still allowed"), (metadata.Status, metadata.PaymentMethodId, metadata.Metadata["note"]));
    }

    [Fact]
    public async Task List_ByCustomer_NewestFirst_WithPaging()
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var intents = service.SetupIntentsFor(context);
        var first = await intents.CreateAsync(new SetupIntentCreateOptions { Customer = customer.Id }, cancellationToken: Cancellation);
        var second = await intents.CreateAsync(new SetupIntentCreateOptions { Customer = customer.Id }, cancellationToken: Cancellation);
        await intents.CreateAsync(new SetupIntentCreateOptions(), cancellationToken: Cancellation);

        var page = await intents.ListAsync(new SetupIntentListOptions { Customer = customer.Id, Limit = 1 }, cancellationToken: Cancellation);
        var next = await intents.ListAsync(new SetupIntentListOptions { Customer = customer.Id, Limit = 1, StartingAfter = second.Id }, cancellationToken: Cancellation);

        Assert.Equal([second.Id], page.Data.Select(i => i.Id));
        Assert.True(page.HasMore);
        Assert.Equal([first.Id], next.Data.Select(i => i.Id));
        Assert.False(next.HasMore);
    }

    [Fact]
    public async Task Retrieve_WithTheWrongClientSecret_IsRefused()
    {
        var context = TestContexts.NewPlatform();
        var intent = await service.SetupIntentsFor(context).CreateAsync(new SetupIntentCreateOptions(), cancellationToken: Cancellation);
        using var client = service.ClientFor(context);

        var right = await Http.OkAsync(await client.GetAsync($"/v1/setup_intents/{intent.Id}?client_secret={intent.ClientSecret}", Cancellation));
        var wrong = await Http.ErrorAsync(await client.GetAsync($"/v1/setup_intents/{intent.Id}?client_secret={intent.Id}_secret_nope", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal(intent.Id, right.Id());
        Assert.Equal("client_secret", wrong.Text("param"));
    }
}
