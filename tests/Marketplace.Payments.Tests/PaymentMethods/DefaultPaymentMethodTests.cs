using System.Net;
using System.Text.Json;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary><c>invoice_settings.default_payment_method</c>: only a method attached to the customer, cleared when it is detached.</summary>
public sealed class DefaultPaymentMethodTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    static CustomerUpdateOptions Default(string? id) => new() { InvoiceSettings = new CustomerInvoiceSettingsOptions { DefaultPaymentMethod = id } };

    [Fact]
    public async Task Update_WithAnAttachedMethod_MakesItTheDefault()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var customer = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var method = await service.PaymentMethodsFor(context).AttachAsync(
            "pm_card_visa", new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);

        var updated = await customers.UpdateAsync(customer.Id, Default(method.Id), cancellationToken: Cancellation);

        Assert.Equal(method.Id, updated.InvoiceSettings.DefaultPaymentMethodId);
        Assert.Equal(method.Id, (await customers.GetAsync(customer.Id, cancellationToken: Cancellation)).InvoiceSettings.DefaultPaymentMethodId);
    }

    [Fact]
    public async Task Update_WithAnotherCustomersMethod_IsRefusedOnTheParameter()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var customer = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var other = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var method = await service.PaymentMethodsFor(context).AttachAsync(
            "pm_card_visa", new PaymentMethodAttachOptions { Customer = other.Id }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => customers.UpdateAsync(customer.Id, Default(method.Id), cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("invoice_settings[default_payment_method]", error.StripeError.Param);
        Assert.Null((await customers.GetAsync(customer.Id, cancellationToken: Cancellation)).InvoiceSettings.DefaultPaymentMethodId);
    }

    [Fact]
    public async Task Update_WithAMissingMethod_IsResourceMissing()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var customer = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => customers.UpdateAsync(customer.Id, Default("pm_missing"), cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatusCode);
        Assert.Equal("invoice_settings[default_payment_method]", error.StripeError.Param);
    }

    [Fact]
    public async Task Detach_TheDefaultMethod_ClearsTheDefaultAndPublishesCustomerUpdated()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var customer = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var methods = service.PaymentMethodsFor(context);
        var method = await methods.AttachAsync("pm_card_visa", new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);
        await customers.UpdateAsync(customer.Id, Default(method.Id), cancellationToken: Cancellation);

        await methods.DetachAsync(method.Id, cancellationToken: Cancellation);

        Assert.Null((await customers.GetAsync(customer.Id, cancellationToken: Cancellation)).InvoiceSettings.DefaultPaymentMethodId);
        var last = (await Rows.EventsAsync(service.Database, context.AccountId, customer.Id))[^1];
        Assert.Equal("customer.updated", last.Type);
        Assert.Equal(method.Id, JsonDocument.Parse(last.PreviousAttributesJson!).RootElement
            .GetProperty("invoice_settings").GetProperty("default_payment_method").GetString());
    }

    [Fact]
    public async Task Update_WithAnEmptyDefault_ClearsIt()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var customers = service.CustomersFor(context);
        var customer = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var method = await service.PaymentMethodsFor(context).AttachAsync(
            "pm_card_visa", new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);
        await customers.UpdateAsync(customer.Id, Default(method.Id), cancellationToken: Cancellation);

        var cleared = await Http.OkAsync(await Http.PostAsync(client, $"/v1/customers/{customer.Id}", ("invoice_settings[default_payment_method]", "")));

        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("invoice_settings").GetProperty("default_payment_method").ValueKind);
    }
}
