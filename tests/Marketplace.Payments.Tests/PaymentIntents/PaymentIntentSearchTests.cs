using System.Net;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.PaymentIntents;

/// <summary><c>GET /v1/payment_intents/search</c> with Stripe's search query language, through Stripe.net's <c>SearchAsync</c>.</summary>
public sealed class PaymentIntentSearchTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_ByStatus_FindsOnlyIntentsInThatStatus()
    {
        var intents = service.PaymentIntentsFor(TestContexts.NewPlatform());
        var waiting = await CreateAsync(intents, 1000);
        var confirmable = await CreateAsync(intents, 1000, paymentMethod: "pm_card_visa");
        var canceled = await CreateAsync(intents, 1000);
        await intents.CancelAsync(canceled, cancellationToken: Cancellation);

        Assert.Equal([waiting], await SearchAsync(intents, "status:'requires_payment_method'"));
        Assert.Equal([canceled, confirmable], await SearchAsync(intents, "status:'canceled' OR status:'requires_confirmation'"));
        Assert.Equal([canceled, confirmable], await SearchAsync(intents, "-status:'requires_payment_method'"));
        Assert.Empty(await SearchAsync(intents, "status:'Canceled'"));
    }

    [Fact]
    public async Task Search_ByAmountAndCurrency_ComparesNumbersAndMatchesTokensExactly()
    {
        var intents = service.PaymentIntentsFor(TestContexts.NewPlatform());
        var small = await CreateAsync(intents, 500);
        var large = await CreateAsync(intents, 5000);
        var euros = await CreateAsync(intents, 5000, currency: "eur");

        Assert.Equal([euros, large], await SearchAsync(intents, "amount>1000"));
        Assert.Equal([small], await SearchAsync(intents, "amount<=500"));
        Assert.Equal([large], await SearchAsync(intents, "amount:5000 AND currency:'usd'"));
        Assert.Equal([euros], await SearchAsync(intents, "currency:\"eur\""));
    }

    [Fact]
    public async Task Search_ByMetadataAndCustomer_MatchesExactly()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);
        var customer = (await service.CustomersFor(context).CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id;
        var order = await CreateAsync(intents, 1000, metadata: new() { ["order_id"] = "6735" });
        await CreateAsync(intents, 1000, metadata: new() { ["order_id"] = "6736" });
        var customers = await CreateAsync(intents, 1000, customer: customer);

        Assert.Equal([order], await SearchAsync(intents, "metadata['order_id']:'6735'"));
        Assert.Equal([customers], await SearchAsync(intents, $"customer:'{customer}'"));
    }

    [Fact]
    public async Task Search_ByCreated_ComparesUnixSeconds()
    {
        var intents = service.PaymentIntentsFor(TestContexts.NewPlatform());
        var id = await CreateAsync(intents, 1000);
        var created = (await intents.GetAsync(id, cancellationToken: Cancellation)).Created;
        var seconds = new DateTimeOffset(created, TimeSpan.Zero).ToUnixTimeSeconds();

        Assert.Equal([id], await SearchAsync(intents, $"created>={seconds}"));
        Assert.Empty(await SearchAsync(intents, $"created>{seconds}"));
    }

    [Fact]
    public async Task Search_OverPages_ReturnsEveryIntentOnceNewestFirst()
    {
        var intents = service.PaymentIntentsFor(TestContexts.NewPlatform());
        List<string> created = [];
        for (var i = 0; i < 5; i++)
        {
            created.Insert(0, await CreateAsync(intents, 1000 + i));
        }

        var first = await intents.SearchAsync(new Stripe.PaymentIntentSearchOptions { Query = "amount>=1000", Limit = 2 }, cancellationToken: Cancellation);
        var second = await intents.SearchAsync(
            new Stripe.PaymentIntentSearchOptions { Query = "amount>=1000", Limit = 2, Page = first.NextPage }, cancellationToken: Cancellation);
        var third = await intents.SearchAsync(
            new Stripe.PaymentIntentSearchOptions { Query = "amount>=1000", Limit = 2, Page = second.NextPage }, cancellationToken: Cancellation);

        Assert.True(first.HasMore);
        Assert.Equal("/v1/payment_intents/search", first.Url);
        Assert.False(third.HasMore);
        Assert.Null(third.NextPage);
        Assert.Equal(created, [.. first.Data.Concat(second.Data).Concat(third.Data).Select(p => p.Id)]);
    }

    [Theory]
    [InlineData("amount>ten")]
    [InlineData("amount~'10'")]
    [InlineData("status~'succ'")]
    [InlineData("email:'jenny@example.com'")]
    [InlineData("status:succeeded")]
    [InlineData("status:'succeeded' AND amount>1 OR amount<5")]
    public async Task Search_MalformedQuery_IsAnInvalidRequestOnQuery(string query)
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(
            await client.GetAsync($"/v1/payment_intents/search?query={Uri.EscapeDataString(query)}", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal("query", error.Text("param"));
    }

    [Fact]
    public async Task Search_PageOfAnotherObject_IsRefusedOnPage()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var customerPage = Convert.ToBase64String("cus_ABC"u8).TrimEnd('=');

        var error = await Http.ErrorAsync(
            await client.GetAsync($"/v1/payment_intents/search?query=amount>1&page={customerPage}", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal("page", error.Text("param"));
    }

    static async Task<string> CreateAsync(
        Stripe.PaymentIntentService intents, long amount, string currency = "usd", string? paymentMethod = null, string? customer = null,
        Dictionary<string, string>? metadata = null) =>
        (await intents.CreateAsync(new Stripe.PaymentIntentCreateOptions
        {
            Amount = amount, Currency = currency, PaymentMethod = paymentMethod, Customer = customer, Metadata = metadata,
        }, cancellationToken: Cancellation)).Id;

    static async Task<IReadOnlyList<string>> SearchAsync(Stripe.PaymentIntentService intents, string query) =>
        [.. (await intents.SearchAsync(new Stripe.PaymentIntentSearchOptions { Query = query, Limit = 100 }, cancellationToken: Cancellation)).Data.Select(p => p.Id)];
}
