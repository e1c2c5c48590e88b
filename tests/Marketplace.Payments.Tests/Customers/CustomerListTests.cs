using System.Net;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary><c>GET /v1/customers</c>: newest first, keyset pages both ways, and the <c>created</c> and <c>email</c> filters.</summary>
public sealed class CustomerListTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_PagedWithStartingAfter_VisitsEveryCustomerOnceNewestFirst()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var created = await CreateAsync(customers, 7);

        var pages = new List<Stripe.StripeList<Stripe.Customer>>();
        string? cursor = null;
        do
        {
            var page = await customers.ListAsync(new Stripe.CustomerListOptions { Limit = 3, StartingAfter = cursor }, cancellationToken: Cancellation);
            pages.Add(page);
            cursor = page.Data.Count > 0 ? page.Data[^1].Id : null;
        }
        while (pages[^1].HasMore);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Data.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.All(pages, p => Assert.Equal("/v1/customers", p.Url));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(p => p.Data).Select(c => c.Id));
    }

    [Fact]
    public async Task List_PagedBackWithEndingBefore_VisitsEveryNewerCustomerOnce()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var created = await CreateAsync(customers, 7);

        var first = await customers.ListAsync(new Stripe.CustomerListOptions { Limit = 3, EndingBefore = created[0] }, cancellationToken: Cancellation);
        var second = await customers.ListAsync(new Stripe.CustomerListOptions { Limit = 3, EndingBefore = first.Data[0].Id }, cancellationToken: Cancellation);

        // Each page is newest first, and holds the customers just newer than the cursor.
        Assert.Equal([created[3], created[2], created[1]], first.Data.Select(c => c.Id));
        Assert.True(first.HasMore);
        Assert.Equal([created[6], created[5], created[4]], second.Data.Select(c => c.Id));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task List_WithoutLimit_AnswersTenAndSaysThereIsMore()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        for (var i = 0; i < 11; i++)
        {
            await Http.OkAsync(await Http.PostAsync(client, "/v1/customers"));
        }

        var list = await Http.OkAsync(await client.GetAsync("/v1/customers", Cancellation));

        Assert.Equal("list", list.Text("object"));
        Assert.Equal("/v1/customers", list.Text("url"));
        Assert.Equal(10, list.GetProperty("data").GetArrayLength());
        Assert.True(list.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task List_CreatedFilters_SelectByTheSecondCustomersWereCreatedIn()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var a = await CreateInNextSecondAsync(customers, null);
        var b = await CreateInNextSecondAsync(customers, a);
        var c = await CreateInNextSecondAsync(customers, b);

        async Task<IEnumerable<string>> Listed(Stripe.DateRangeOptions range) =>
            (await customers.ListAsync(new Stripe.CustomerListOptions { Created = range }, cancellationToken: Cancellation)).Data.Select(x => x.Id);

        Assert.Equal([c.Id, b.Id], await Listed(new Stripe.DateRangeOptions { GreaterThan = a.Created }));
        Assert.Equal([c.Id, b.Id], await Listed(new Stripe.DateRangeOptions { GreaterThanOrEqual = b.Created }));
        Assert.Equal([b.Id, a.Id], await Listed(new Stripe.DateRangeOptions { LessThan = c.Created }));
        Assert.Equal([b.Id, a.Id], await Listed(new Stripe.DateRangeOptions { LessThanOrEqual = b.Created }));
        Assert.Equal([b.Id], await Listed(new Stripe.DateRangeOptions { GreaterThanOrEqual = b.Created, LessThanOrEqual = b.Created }));

        using var client = service.ClientFor(context);
        var exact = await Http.OkAsync(await client.GetAsync($"/v1/customers?created={new DateTimeOffset(b.Created).ToUnixTimeSeconds()}", Cancellation));
        Assert.Equal([b.Id], exact.GetProperty("data").EnumerateArray().Select(x => x.Id()));
    }

    [Fact]
    public async Task List_EmailFilter_MatchesExactlyWithCase()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var jenny = await customers.CreateAsync(new Stripe.CustomerCreateOptions { Email = "jenny@example.com" }, cancellationToken: Cancellation);
        await customers.CreateAsync(new Stripe.CustomerCreateOptions { Email = "Jenny@example.com" }, cancellationToken: Cancellation);
        await customers.CreateAsync(new Stripe.CustomerCreateOptions { Email = "jenny@example.com.au" }, cancellationToken: Cancellation);

        var listed = await customers.ListAsync(new Stripe.CustomerListOptions { Email = "jenny@example.com" }, cancellationToken: Cancellation);

        Assert.Equal([jenny.Id], listed.Data.Select(c => c.Id));
    }

    [Theory]
    [InlineData("starting_after")]
    [InlineData("ending_before")]
    public async Task List_CursorThatIsNoCustomerOfTheAccount_IsResourceMissingOnTheCursor(string cursor)
    {
        var other = (await service.CustomersFor(TestContexts.NewPlatform()).CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id;
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await client.GetAsync($"/v1/customers?{cursor}={other}", Cancellation), HttpStatusCode.NotFound);

        Assert.Equal(cursor, error.Text("param"));
        Assert.Equal($"No such customer: '{other}'", error.Text("message"));
    }

    [Fact]
    public async Task List_CursorOfADeletedCustomer_StillPages()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var created = await CreateAsync(customers, 3);
        await customers.DeleteAsync(created[1], cancellationToken: Cancellation);

        var page = await customers.ListAsync(new Stripe.CustomerListOptions { StartingAfter = created[1] }, cancellationToken: Cancellation);

        Assert.Equal([created[0]], page.Data.Select(c => c.Id));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("starting_after=cus_a&ending_before=cus_b", "ending_before")]
    [InlineData("created[gt]=yesterday", "created[gt]")]
    [InlineData("created[after]=1", "created[after]")]
    [InlineData("test_clock=clock_123", "test_clock")]
    [InlineData("expand[]=data.email", "expand")]
    public async Task List_InvalidParameter_IsRefusedOnIt(string query, string param)
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await client.GetAsync($"/v1/customers?{query}", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal(param, error.Text("param"));
    }

    [Fact]
    public async Task List_ExpandingThroughData_IsAccepted()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var id = (await customers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id;

        var listed = await customers.ListAsync(new Stripe.CustomerListOptions { Expand = ["data.default_source"] }, cancellationToken: Cancellation);

        Assert.Equal([id], listed.Data.Select(c => c.Id));
    }

    /// <summary>Creates <paramref name="count"/> customers one after another; their ids, oldest first.</summary>
    static async Task<List<string>> CreateAsync(Stripe.CustomerService customers, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await customers.CreateAsync(new Stripe.CustomerCreateOptions { Name = $"customer {i}" }, cancellationToken: Cancellation)).Id);
        }

        return ids;
    }

    /// <summary>Creates a customer in a later second than <paramref name="previous"/>, since <c>created</c> counts whole seconds.</summary>
    static async Task<Stripe.Customer> CreateInNextSecondAsync(Stripe.CustomerService customers, Stripe.Customer? previous)
    {
        while (true)
        {
            var customer = await customers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation);
            if (previous is null || customer.Created > previous.Created)
            {
                return customer;
            }

            await customers.DeleteAsync(customer.Id, cancellationToken: Cancellation);
            await Task.Delay(200, Cancellation);
        }
    }
}
