using System.Net;
using System.Text.Json;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary><c>expand[]</c> writes the payment method and the customer out in responses; events keep their ids.</summary>
public sealed class SetupIntentExpansionTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpandedPaymentMethodAndCustomer_AreObjects_InResponsesButNotInEvents()
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions { Email = "jenny@example.com" }, cancellationToken: Cancellation);
        var intents = service.SetupIntentsFor(context);

        var created = await intents.CreateAsync(new SetupIntentCreateOptions
        {
            Customer = customer.Id,
            PaymentMethod = "pm_card_visa",
            Confirm = true,
            Expand = ["payment_method"],
        }, cancellationToken: Cancellation);
        var retrieved = await intents.GetAsync(created.Id, new SetupIntentGetOptions { Expand = ["payment_method", "customer"] }, cancellationToken: Cancellation);
        var listed = await intents.ListAsync(new SetupIntentListOptions { Expand = ["data.payment_method"] }, cancellationToken: Cancellation);

        Assert.Equal("4242", created.PaymentMethod.Card.Last4);
        Assert.Equal(customer.Id, created.PaymentMethod.CustomerId);
        Assert.Equal(("4242", "jenny@example.com"), (retrieved.PaymentMethod.Card.Last4, retrieved.Customer.Email));
        Assert.Equal("4242", Assert.Single(listed.Data).PaymentMethod.Card.Last4);
        var announced = await Rows.EventsAsync(service.Database, context.AccountId, created.Id);
        Assert.All(announced, e => Assert.Equal(JsonValueKind.String, JsonDocument.Parse(e.ObjectJson).RootElement.GetProperty("payment_method").ValueKind));
    }

    [Fact]
    public async Task ExpandingAFieldThatIsNotExpandable_IsRefused()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var intent = await Http.OkAsync(await Http.PostAsync(client, "/v1/setup_intents"));

        var error = await Http.ErrorAsync(await client.GetAsync($"/v1/setup_intents/{intent.Id()}?expand[]=client_secret", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal("expand", error.Text("param"));
    }
}
