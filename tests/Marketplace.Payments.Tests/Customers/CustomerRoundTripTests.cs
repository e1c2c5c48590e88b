using System.Net;
using System.Reflection;
using System.Text.Json;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary>Create, retrieve, update and delete through Stripe.net, with every field checked on the way.</summary>
public sealed class CustomerRoundTripTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithEveryField_ReturnsThemAndRetrieveAgrees()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var options = new Stripe.CustomerCreateOptions
        {
            Address = new Stripe.AddressOptions { Line1 = "1 Rue de Rivoli", Line2 = "Bât. B", City = "Paris", State = "IDF", PostalCode = "75001", Country = "FR" },
            Balance = 1250,
            BusinessName = "Rosen GmbH",
            Description = "Wholesale buyer",
            Email = "jenny.rosen@example.com",
            IndividualName = "Jenny Rosen",
            InvoicePrefix = "ROSEN01",
            Metadata = new Dictionary<string, string> { ["order id"] = "42 & more", ["café"] = "€" },
            Name = "Jenny Rosen",
            Phone = "+33 1 23 45 67 89",
            PreferredLocales = ["fr-FR", "en"],
            Shipping = new Stripe.ShippingOptions
            {
                Name = "Jenny Rosen",
                Phone = "+33 6 00 00 00 00",
                Address = new Stripe.AddressOptions { Line1 = "2 Quai d'Orsay", City = "Paris", PostalCode = "75007", Country = "FR" },
            },
            TaxExempt = "reverse",
        };

        var created = await customers.CreateAsync(options, cancellationToken: Cancellation);
        var retrieved = await customers.GetAsync(created.Id, cancellationToken: Cancellation);

        foreach (var customer in new[] { created, retrieved })
        {
            Assert.StartsWith("cus_", customer.Id, StringComparison.Ordinal);
            Assert.Equal("customer", customer.Object);
            Assert.Equal(("1 Rue de Rivoli", "Bât. B", "Paris", "IDF", "75001", "FR"),
                (customer.Address.Line1, customer.Address.Line2, customer.Address.City, customer.Address.State, customer.Address.PostalCode, customer.Address.Country));
            Assert.Equal(1250, customer.Balance);
            Assert.Equal("Rosen GmbH", customer.BusinessName);
            Assert.Equal("Wholesale buyer", customer.Description);
            Assert.Equal("jenny.rosen@example.com", customer.Email);
            Assert.Equal("Jenny Rosen", customer.IndividualName);
            Assert.Equal("ROSEN01", customer.InvoicePrefix);
            Assert.Equal(new Dictionary<string, string> { ["order id"] = "42 & more", ["café"] = "€" }, customer.Metadata);
            Assert.Equal("Jenny Rosen", customer.Name);
            Assert.Equal("+33 1 23 45 67 89", customer.Phone);
            Assert.Equal(["fr-FR", "en"], customer.PreferredLocales);
            Assert.Equal("Jenny Rosen", customer.Shipping.Name);
            Assert.Equal("+33 6 00 00 00 00", customer.Shipping.Phone);
            Assert.Equal(("2 Quai d'Orsay", null, "Paris", null, "75007", "FR"),
                (customer.Shipping.Address.Line1, customer.Shipping.Address.Line2, customer.Shipping.Address.City,
                 customer.Shipping.Address.State, customer.Shipping.Address.PostalCode, customer.Shipping.Address.Country));
            Assert.Equal("reverse", customer.TaxExempt);
            Assert.False(customer.Livemode);
        }

        Assert.Equal(created.Created, retrieved.Created);
        Assert.InRange(created.Created, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Create_WithNothing_AnswersStripesDefaults()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var customer = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers"));

        Assert.Equal("customer", customer.Text("object"));
        Assert.Matches("^cus_[0-9A-Za-z]{22}$", customer.Id());
        Assert.Matches("^[0-9A-F]{8}$", customer.Text("invoice_prefix"));
        Assert.Equal(0, customer.GetProperty("balance").GetInt64());
        Assert.False(customer.GetProperty("delinquent").GetBoolean());
        Assert.False(customer.GetProperty("livemode").GetBoolean());
        Assert.Equal(1, customer.GetProperty("next_invoice_sequence").GetInt64());
        Assert.Equal("none", customer.Text("tax_exempt"));
        Assert.Equal("[]", customer.GetProperty("preferred_locales").GetRawText());
        Assert.Equal("{}", customer.GetProperty("metadata").GetRawText());
        Assert.Equal(
            """{"custom_fields":null,"default_payment_method":null,"footer":null,"rendering_options":null}""",
            customer.GetProperty("invoice_settings").GetRawText());
        foreach (var field in new[] { "address", "business_name", "currency", "customer_account", "default_source", "description", "discount",
                     "email", "individual_name", "name", "phone", "shipping", "test_clock" })
        {
            Assert.True(customer.GetProperty(field).ValueKind == JsonValueKind.Null, $"{field} should be null");
        }
    }

    [Fact]
    public async Task CustomerJson_HasEveryFieldOfStripeNetsModel_AndNoOther()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var customer = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers",
            ("address[line1]", "1 Main St"), ("shipping[name]", "J"), ("shipping[address][city]", "Paris")));

        // Stripe renders its includable fields only when expanded, and "deleted" only on a deleted customer.
        string[] notRenderedByDefault = ["cash_balance", "invoice_credit_balance", "sources", "subscriptions", "tax", "tax_ids", "deleted"];
        Assert.Equal(JsonFields(typeof(Stripe.Customer)).Except(notRenderedByDefault).Order(), Keys(customer));
        Assert.Equal(JsonFields(typeof(Stripe.Address)).Order(), Keys(customer.GetProperty("address")));
        Assert.Equal(JsonFields(typeof(Stripe.Shipping)).Order(), Keys(customer.GetProperty("shipping")));
        Assert.Equal(JsonFields(typeof(Stripe.Address)).Order(), Keys(customer.GetProperty("shipping").GetProperty("address")));
        Assert.Equal(JsonFields(typeof(Stripe.CustomerInvoiceSettings)).Order(), Keys(customer.GetProperty("invoice_settings")));
    }

    [Fact]
    public async Task Update_ChangesOnlyTheGivenFields()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var created = await customers.CreateAsync(new Stripe.CustomerCreateOptions
        {
            Name = "Jenny Rosen",
            Email = "jenny@example.com",
            Metadata = new Dictionary<string, string> { ["kept"] = "1", ["changed"] = "old" },
        }, cancellationToken: Cancellation);

        var updated = await customers.UpdateAsync(created.Id, new Stripe.CustomerUpdateOptions
        {
            Description = "Now described",
            Balance = -500,
            Metadata = new Dictionary<string, string> { ["changed"] = "new", ["added"] = "2" },
        }, cancellationToken: Cancellation);
        var retrieved = await customers.GetAsync(created.Id, cancellationToken: Cancellation);

        foreach (var customer in new[] { updated, retrieved })
        {
            Assert.Equal(created.Id, customer.Id);
            Assert.Equal("Jenny Rosen", customer.Name);
            Assert.Equal("jenny@example.com", customer.Email);
            Assert.Equal("Now described", customer.Description);
            Assert.Equal(-500, customer.Balance); // negative: a credit toward future invoices, as Stripe allows
            Assert.Equal(new Dictionary<string, string> { ["kept"] = "1", ["changed"] = "new", ["added"] = "2" }, customer.Metadata);
            Assert.Equal(created.InvoicePrefix, customer.InvoicePrefix);
            Assert.Equal(created.Created, customer.Created);
        }
    }

    [Fact]
    public async Task Update_EmptyValues_UnsetTheFields()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var id = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers",
            ("description", "VIP"), ("phone", "+1 555 0100"), ("email", "jenny@example.com"), ("name", "Jenny"),
            ("address[line1]", "1 Main St"), ("shipping[name]", "Jenny"), ("shipping[address][line1]", "1 Main St"),
            ("metadata[a]", "1"), ("metadata[b]", "2"), ("preferred_locales[]", "en"), ("tax_exempt", "exempt")))).Id();

        var updated = await Http.OkAsync(await Http.PostAsync(client, $"/v1/customers/{id}",
            ("description", ""), ("phone", ""), ("email", ""), ("address", ""), ("shipping", ""), ("metadata[a]", ""),
            ("preferred_locales", ""), ("tax_exempt", "")));

        foreach (var field in new[] { "description", "phone", "email", "address", "shipping" })
        {
            Assert.True(updated.GetProperty(field).ValueKind == JsonValueKind.Null, $"{field} should be unset");
        }

        Assert.Equal("Jenny", updated.Text("name"));
        Assert.Equal("""{"b":"2"}""", updated.GetProperty("metadata").GetRawText());
        Assert.Equal("[]", updated.GetProperty("preferred_locales").GetRawText());
        Assert.Equal("none", updated.Text("tax_exempt"));

        var cleared = await Http.OkAsync(await Http.PostAsync(client, $"/v1/customers/{id}", ("metadata", "")));
        Assert.Equal("{}", cleared.GetProperty("metadata").GetRawText());
        var retrieved = await Http.OkAsync(await client.GetAsync($"/v1/customers/{id}", Cancellation));
        Assert.Equal(cleared.GetRawText(), retrieved.GetRawText());
    }

    [Fact]
    public async Task Update_Address_ReplacesTheWholeHash()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var id = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers",
            ("address[line1]", "1 Main St"), ("address[city]", "Springfield")))).Id();

        var updated = await Http.OkAsync(await Http.PostAsync(client, $"/v1/customers/{id}", ("address[city]", "Shelbyville")));

        Assert.Equal("Shelbyville", updated.GetProperty("address").Text("city"));
        Assert.Null(updated.GetProperty("address").Text("line1"));
    }

    [Fact]
    public async Task Delete_AnswersTheDeletedStub_ThenTheCustomerIsGone()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var customers = service.CustomersFor(context);
        var kept = await customers.CreateAsync(new Stripe.CustomerCreateOptions { Name = "kept" }, cancellationToken: Cancellation);
        var id = (await customers.CreateAsync(new Stripe.CustomerCreateOptions { Name = "deleted" }, cancellationToken: Cancellation)).Id;

        using var response = await client.DeleteAsync($"/v1/customers/{id}", Cancellation);

        Assert.Equal($$"""{"id":"{{id}}","object":"customer","deleted":true}""", await response.Content.ReadAsStringAsync(Cancellation));
        var missing = await Assert.ThrowsAsync<Stripe.StripeException>(() => customers.GetAsync(id, cancellationToken: Cancellation));
        Assert.Equal(HttpStatusCode.NotFound, missing.HttpStatusCode);
        Assert.Equal("resource_missing", missing.StripeError.Code);
        await Assert.ThrowsAsync<Stripe.StripeException>(() => customers.UpdateAsync(id, new Stripe.CustomerUpdateOptions { Name = "x" }, cancellationToken: Cancellation));
        await Assert.ThrowsAsync<Stripe.StripeException>(() => customers.DeleteAsync(id, cancellationToken: Cancellation));
        var listed = await customers.ListAsync(cancellationToken: Cancellation);
        Assert.Equal([kept.Id], listed.Data.Select(c => c.Id));
    }

    [Fact]
    public async Task Delete_ThroughStripeNet_IsSeenAsDeleted()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var id = (await customers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id;

        var deleted = await customers.DeleteAsync(id, cancellationToken: Cancellation);

        Assert.Equal(id, deleted.Id);
        Assert.True(deleted.Deleted);
    }

    [Fact]
    public async Task Retrieve_UnknownId_IsResourceMissingOnId()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await client.GetAsync("/v1/customers/cus_doesnotexist", Cancellation), HttpStatusCode.NotFound);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal("resource_missing", error.Text("code"));
        Assert.Equal("id", error.Text("param"));
        Assert.Equal("No such customer: 'cus_doesnotexist'", error.Text("message"));
    }

    [Fact]
    public async Task Expand_AReferenceStripeAllows_IsAcceptedAndRendersNull()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var id = (await customers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id;

        var customer = await customers.GetAsync(id, new Stripe.CustomerGetOptions
        {
            Expand = ["default_source", "test_clock", "invoice_settings.default_payment_method"],
        }, cancellationToken: Cancellation);

        Assert.Null(customer.DefaultSource);
        Assert.Null(customer.TestClock);
        Assert.Null(customer.InvoiceSettings.DefaultPaymentMethod);
    }

    [Theory]
    [InlineData("/v1/customers/{0}?expand[]=email")]
    [InlineData("/v1/customers/{0}?expand[]=sources")]
    [InlineData("/v1/customers?expand[]=default_source")]
    [InlineData("/v1/customers/search?query=name:'x'&expand[]=default_source")]
    public async Task Expand_AFieldStripeDoesNotExpandHere_IsRefusedOnExpand(string pathFormat)
    {
        var context = TestContexts.NewPlatform();
        var id = (await service.CustomersFor(context).CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id;
        using var client = service.ClientFor(context);

        var error = await Http.ErrorAsync(await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, id), Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal("expand", error.Text("param"));
        Assert.StartsWith("This property cannot be expanded", error.Text("message"), StringComparison.Ordinal);
    }

    /// <summary>The JSON names of a Stripe.net model, from its attributes, private expandable ones included.</summary>
    static IEnumerable<string> JsonFields(Type model) =>
        model.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name)
            .OfType<string>()
            .Distinct();

    static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order();
}
