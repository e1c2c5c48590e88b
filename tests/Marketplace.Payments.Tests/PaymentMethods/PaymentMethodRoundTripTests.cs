using System.Net;
using System.Text.Json;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary>Stripe.net's <see cref="PaymentMethodService"/> against the service: create, retrieve, update, attach, detach, list.</summary>
public sealed class PaymentMethodRoundTripTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    static readonly int NextYear = DateTime.UtcNow.Year + 1;

    static PaymentMethodCreateOptions Card(string number, string? cvc = "123") => new()
    {
        Type = "card",
        Card = new PaymentMethodCardOptions { Number = number, ExpMonth = 12, ExpYear = NextYear, Cvc = cvc },
    };

    [Fact]
    public async Task Create_WithCardNumber_RendersWhatStripeShowsOfTheCard()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());
        var options = Card("4242424242424242");
        options.BillingDetails = new PaymentMethodBillingDetailsOptions
        {
            Name = "Jenny Rosen",
            Address = new AddressOptions { Line1 = "1 Main St", PostalCode = "94107", Country = "US" },
        };
        options.Metadata = new Dictionary<string, string> { ["order"] = "42" };

        var method = await methods.CreateAsync(options, cancellationToken: Cancellation);

        Assert.Matches("^pm_[0-9A-Za-z]{22}$", method.Id);
        Assert.Equal("payment_method", method.Object);
        Assert.Equal("card", method.Type);
        Assert.Null(method.CustomerId);
        Assert.Equal("visa", method.Card.Brand);
        Assert.Equal("visa", method.Card.DisplayBrand);
        Assert.Equal("4242", method.Card.Last4);
        Assert.Equal(12, method.Card.ExpMonth);
        Assert.Equal(NextYear, method.Card.ExpYear);
        Assert.Equal("US", method.Card.Country);
        Assert.Equal("credit", method.Card.Funding);
        Assert.Matches("^[0-9A-Za-z]{16}$", method.Card.Fingerprint);
        Assert.Equal("pass", method.Card.Checks.CvcCheck);
        Assert.Equal("pass", method.Card.Checks.AddressLine1Check);
        Assert.Equal("pass", method.Card.Checks.AddressPostalCodeCheck);
        Assert.Null(method.Card.Wallet);
        Assert.Equal(["visa"], method.Card.Networks.Available);
        Assert.Equal("Jenny Rosen", method.BillingDetails.Name);
        Assert.Equal("94107", method.BillingDetails.Address.PostalCode);
        Assert.Equal("42", method.Metadata["order"]);

        var retrieved = await methods.GetAsync(method.Id, cancellationToken: Cancellation);
        Assert.Equal(method.RawJsonElement!.Value.GetRawText(), retrieved.RawJsonElement!.Value.GetRawText());
    }

    [Fact]
    public async Task Create_SameNumberTwice_GivesOneFingerprintAndAnotherNumberAnother()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());

        var first = await methods.CreateAsync(Card("4242424242424242"), cancellationToken: Cancellation);
        var second = await methods.CreateAsync(Card("4242424242424242", cvc: null), cancellationToken: Cancellation);
        var other = await methods.CreateAsync(Card("4000056655665556"), cancellationToken: Cancellation);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Card.Fingerprint, second.Card.Fingerprint);
        Assert.NotEqual(first.Card.Fingerprint, other.Card.Fingerprint);
        Assert.Null(second.Card.Checks.CvcCheck);
        Assert.Equal("debit", other.Card.Funding);
    }

    [Theory]
    [InlineData("4242424242424241", "incorrect_number", "card[number]")]
    [InlineData("1234", "incorrect_number", "card[number]")]
    public async Task Create_WithInvalidNumber_IsACardErrorNamingTheParameter(string number, string code, string param)
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.CreateAsync(Card(number), cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.PaymentRequired, error.HttpStatusCode);
        Assert.Equal("card_error", error.StripeError.Type);
        Assert.Equal(code, error.StripeError.Code);
        Assert.Equal(param, error.StripeError.Param);
    }

    [Fact]
    public async Task Create_WithPastExpiry_IsInvalidExpiryYear()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());
        var options = Card("4242424242424242");
        options.Card.ExpYear = DateTime.UtcNow.Year - 1;

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.CreateAsync(options, cancellationToken: Cancellation));

        Assert.Equal("invalid_expiry_year", error.StripeError.Code);
        Assert.Equal("card[exp_year]", error.StripeError.Param);
    }

    [Theory]
    [InlineData("tok_visa", "visa", "US", "4242")]
    [InlineData("tok_fr", "visa", "FR", "0003")]
    [InlineData("tok_mastercard", "mastercard", "US", "4444")]
    [InlineData("tok_amex", "amex", "US", "0005")]
    [InlineData("tok_visa_debit", "visa", "US", "5556")]
    public async Task Create_WithTestToken_MakesTheTokensCard(string token, string brand, string country, string last4)
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());

        var method = await methods.CreateAsync(
            new PaymentMethodCreateOptions { Type = "card", Card = new PaymentMethodCardOptions { Token = token } }, cancellationToken: Cancellation);

        Assert.Equal(brand, method.Card.Brand);
        Assert.Equal(country, method.Card.Country);
        Assert.Equal(last4, method.Card.Last4);
    }

    [Fact]
    public async Task Create_WithUnknownToken_IsResourceMissing()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.CreateAsync(
            new PaymentMethodCreateOptions { Type = "card", Card = new PaymentMethodCardOptions { Token = "tok_nope" } }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("card[token]", error.StripeError.Param);
    }

    [Theory]
    [InlineData("4000000000000101", "fail", "pass", "pass")]
    [InlineData("4000000000000010", "pass", "fail", "fail")]
    [InlineData("4000000000000036", "pass", "pass", "fail")]
    public async Task Create_WithCheckFailingCard_ReportsTheFailedCheck(string number, string cvc, string line1, string postalCode)
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());
        var options = Card(number);
        options.BillingDetails = new PaymentMethodBillingDetailsOptions { Address = new AddressOptions { Line1 = "1 Main St", PostalCode = "94107" } };

        var method = await methods.CreateAsync(options, cancellationToken: Cancellation);

        Assert.Equal(cvc, method.Card.Checks.CvcCheck);
        Assert.Equal(line1, method.Card.Checks.AddressLine1Check);
        Assert.Equal(postalCode, method.Card.Checks.AddressPostalCodeCheck);
    }

    [Theory]
    [InlineData("pm_card_visa", "visa", "US")]
    [InlineData("pm_card_mastercard", "mastercard", "US")]
    [InlineData("pm_card_amex", "amex", "US")]
    [InlineData("pm_card_fr", "visa", "FR")]
    [InlineData("pm_card_de", "visa", "DE")]
    [InlineData("pm_card_chargeCustomerFail", "visa", "US")]
    [InlineData("pm_card_riskLevelElevated", "visa", "US")]
    [InlineData("pm_card_bypassPending", "visa", "US")]
    public async Task Attach_TestPaymentMethodId_AttachesANewMethodMadeFromItsCard(string testId, string brand, string country)
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);

        var method = await service.PaymentMethodsFor(context).AttachAsync(
            testId, new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);

        Assert.StartsWith("pm_", method.Id);
        Assert.NotEqual(testId, method.Id);
        Assert.Equal(customer.Id, method.CustomerId);
        Assert.Equal(brand, method.Card.Brand);
        Assert.Equal(country, method.Card.Country);
        var raised = Assert.Single(await Rows.EventsAsync(service.Database, context.AccountId, method.Id));
        Assert.Equal("payment_method.attached", raised.Type);
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "card_declined", "generic_decline")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds")]
    [InlineData("pm_card_visa_chargeDeclinedLostCard", "card_declined", "lost_card")]
    [InlineData("pm_card_chargeDeclinedExpiredCard", "expired_card", null)]
    [InlineData("pm_card_chargeDeclinedProcessingError", "processing_error", null)]
    public async Task Attach_DecliningCard_IsACardErrorAndAttachesNothing(string testId, string code, string? declineCode)
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var methods = service.PaymentMethodsFor(context);

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.AttachAsync(
            testId, new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.PaymentRequired, error.HttpStatusCode);
        Assert.Equal(code, error.StripeError.Code);
        Assert.Equal(declineCode, error.StripeError.DeclineCode);
        Assert.Empty(await methods.ListAsync(new PaymentMethodListOptions { Customer = customer.Id }, cancellationToken: Cancellation));
        Assert.DoesNotContain(await Rows.EventsAsync(service.Database, context.AccountId), e => e.Type.StartsWith("payment_method.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attach_ToAMissingCustomer_IsResourceMissingOnCustomer()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());
        var method = await methods.CreateAsync(Card("4242424242424242"), cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.AttachAsync(
            method.Id, new PaymentMethodAttachOptions { Customer = "cus_missing" }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatusCode);
        Assert.Equal("customer", error.StripeError.Param);
    }

    [Fact]
    public async Task Attach_AlreadyAttachedToAnother_IsRefused()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var first = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var second = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var methods = service.PaymentMethodsFor(context);
        var method = await methods.AttachAsync("pm_card_visa", new PaymentMethodAttachOptions { Customer = first.Id }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.AttachAsync(
            method.Id, new PaymentMethodAttachOptions { Customer = second.Id }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal(first.Id, (await methods.GetAsync(method.Id, cancellationToken: Cancellation)).CustomerId);
    }

    [Fact]
    public async Task Detach_AttachedMethod_ClearsTheCustomerAndPublishesDetached()
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var methods = service.PaymentMethodsFor(context);
        var method = await methods.AttachAsync("pm_card_visa", new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);

        var detached = await methods.DetachAsync(method.Id, cancellationToken: Cancellation);

        Assert.Null(detached.CustomerId);
        var events = await Rows.EventsAsync(service.Database, context.AccountId, method.Id);
        Assert.Equal(["payment_method.attached", "payment_method.detached"], events.Select(e => e.Type));
        Assert.Equal(customer.Id, JsonDocument.Parse(events[1].PreviousAttributesJson!).RootElement.GetProperty("customer").GetString());
        var again = await Assert.ThrowsAsync<StripeException>(() => methods.DetachAsync(method.Id, cancellationToken: Cancellation));
        Assert.Equal(HttpStatusCode.BadRequest, again.HttpStatusCode);
    }

    [Fact]
    public async Task Update_AttachedMethod_ChangesBillingDetailsAndMetadataAndPublishesUpdated()
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var methods = service.PaymentMethodsFor(context);
        var method = await methods.AttachAsync("pm_card_visa", new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);

        var updated = await methods.UpdateAsync(method.Id, new PaymentMethodUpdateOptions
        {
            BillingDetails = new PaymentMethodBillingDetailsOptions { Email = "jenny@example.com", Address = new AddressOptions { City = "Paris" } },
            Metadata = new Dictionary<string, string> { ["tier"] = "gold" },
        }, cancellationToken: Cancellation);

        Assert.Equal("jenny@example.com", updated.BillingDetails.Email);
        Assert.Equal("Paris", updated.BillingDetails.Address.City);
        Assert.Equal("gold", updated.Metadata["tier"]);
        var events = await Rows.EventsAsync(service.Database, context.AccountId, method.Id);
        Assert.Equal("payment_method.updated", events[^1].Type);
        Assert.Contains("\"metadata\"", events[^1].PreviousAttributesJson);
    }

    [Fact]
    public async Task Update_UnattachedMethod_IsRefused()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());
        var method = await methods.CreateAsync(Card("4242424242424242"), cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.UpdateAsync(
            method.Id, new PaymentMethodUpdateOptions { Metadata = new Dictionary<string, string> { ["a"] = "b" } }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
    }

    [Fact]
    public async Task List_ByCustomer_ReturnsOnlyThatCustomersMethodsNewestFirst()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var jenny = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var other = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var methods = service.PaymentMethodsFor(context);
        var first = await methods.AttachAsync("pm_card_visa", new PaymentMethodAttachOptions { Customer = jenny.Id }, cancellationToken: Cancellation);
        var second = await methods.AttachAsync("pm_card_mastercard", new PaymentMethodAttachOptions { Customer = jenny.Id }, cancellationToken: Cancellation);
        await methods.AttachAsync("pm_card_amex", new PaymentMethodAttachOptions { Customer = other.Id }, cancellationToken: Cancellation);

        var page = await methods.ListAsync(new PaymentMethodListOptions { Customer = jenny.Id, Type = "card" }, cancellationToken: Cancellation);

        Assert.Equal([second.Id, first.Id], page.Data.Select(m => m.Id));
        Assert.Equal("/v1/payment_methods", page.Url);
    }

    [Fact]
    public async Task Retrieve_AnotherAccountsMethod_IsNotFound()
    {
        var platform = TestContexts.NewPlatform();
        var method = await service.PaymentMethodsFor(platform).CreateAsync(Card("4242424242424242"), cancellationToken: Cancellation);
        var connected = platform.OnConnectedAccount(Marketplace.Data.PrefixedId.New("acct"));

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            service.PaymentMethodsFor(connected).GetAsync(method.Id, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatusCode);
        Assert.Equal("resource_missing", error.StripeError.Code);
    }
}
