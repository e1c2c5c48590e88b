using System.Net;
using Marketplace.Api.Lists;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary><c>GET /v1/customers/search</c> with Stripe's search query language.</summary>
public sealed class CustomerSearchTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_ByEmail_MatchesTheWholeAddressIgnoringCase()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var jenny = await CreateAsync(customers, email: "Jenny.Rosen@example.com");
        await CreateAsync(customers, email: "jenny.rosen@example.com.au");
        await CreateAsync(customers, email: "someone@example.com");

        Assert.Equal([jenny], await SearchAsync(customers, "email:'jenny.rosen@example.com'"));
        Assert.Equal([jenny], await SearchAsync(customers, "email:\"JENNY.ROSEN@EXAMPLE.COM\""));
    }

    [Fact]
    public async Task Search_WithSubstringOperator_MatchesPartOfNameOrEmail()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var jenny = await CreateAsync(customers, name: "Jenny Rosen", email: "jenny@rosen.example");
        var jennifer = await CreateAsync(customers, name: "Jennifer Lopez", email: "jlo@example.com");
        await CreateAsync(customers, name: "Amy Pond", email: "amy@example.com");

        Assert.Equal([jennifer, jenny], await SearchAsync(customers, "name~'jen'"));
        Assert.Equal([jenny], await SearchAsync(customers, "email~'ROSEN'"));
        Assert.Empty(await SearchAsync(customers, "name:'jen'"));
    }

    [Fact]
    public async Task Search_ByPhone_MatchesExactly()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var jenny = await CreateAsync(customers, phone: "+15555550100");
        await CreateAsync(customers, phone: "+15555550101");

        Assert.Equal([jenny], await SearchAsync(customers, "phone:'+15555550100'"));
    }

    [Fact]
    public async Task Search_ByMetadata_MatchesKeyAndValueExactlyWithCase()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var gold = await CreateAsync(customers, metadata: new() { ["tier"] = "gold", ["region"] = "eu" });
        await CreateAsync(customers, metadata: new() { ["tier"] = "Gold" });
        await CreateAsync(customers, metadata: new() { ["level"] = "gold" });

        Assert.Equal([gold], await SearchAsync(customers, "metadata['tier']:'gold'"));
        Assert.Equal([gold], await SearchAsync(customers, "metadata[\"region\"]:\"eu\""));
    }

    [Fact]
    public async Task Search_ClausesJoinedByAndOrSpace_MustAllMatch()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var both = await CreateAsync(customers, name: "Jane Doe", metadata: new() { ["foo"] = "bar" });
        await CreateAsync(customers, name: "Jane Doe");
        await CreateAsync(customers, name: "John Doe", metadata: new() { ["foo"] = "bar" });

        Assert.Equal([both], await SearchAsync(customers, "name:'Jane Doe' AND metadata['foo']:'bar'"));
        Assert.Equal([both], await SearchAsync(customers, "name:'Jane Doe' and metadata['foo']:'bar'"));
        Assert.Equal([both], await SearchAsync(customers, "name:'Jane Doe' metadata['foo']:'bar'"));
    }

    [Fact]
    public async Task Search_ClausesJoinedByOr_MatchEither()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var amy = await CreateAsync(customers, email: "amy@example.com");
        var rory = await CreateAsync(customers, name: "Rory");
        await CreateAsync(customers, name: "Clara");

        Assert.Equal([rory, amy], await SearchAsync(customers, "email:'amy@example.com' OR name:'rory'"));
    }

    [Fact]
    public async Task Search_NegatedClause_MatchesEverythingElse_NotSetFieldsIncluded()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var amy = await CreateAsync(customers, email: "amy@example.com");
        var noEmail = await CreateAsync(customers, name: "No email");
        var rory = await CreateAsync(customers, email: "rory@example.com");

        Assert.Equal([rory, noEmail], await SearchAsync(customers, "-email:'amy@example.com'"));
        Assert.Equal([noEmail], await SearchAsync(customers, "email:null"));
        Assert.Equal([rory, amy], await SearchAsync(customers, "-email:null"));
    }

    [Fact]
    public async Task Search_ByCreated_ComparesUnixSeconds()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var first = await customers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation);
        Stripe.Customer second;
        while ((second = await customers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Created <= first.Created)
        {
            // created counts whole seconds: only a customer of a later second tells the comparisons apart.
            await customers.DeleteAsync(second.Id, cancellationToken: Cancellation);
            await Task.Delay(200, Cancellation);
        }

        var secondAt = new DateTimeOffset(second.Created).ToUnixTimeSeconds();
        Assert.Equal([second.Id], await SearchAsync(customers, $"created>={secondAt}"));
        Assert.Equal([second.Id], await SearchAsync(customers, $"created:{secondAt}"));
        Assert.Equal([first.Id], await SearchAsync(customers, $"created<{secondAt}"));
        Assert.Equal([second.Id, first.Id], await SearchAsync(customers, $"created<=\"{secondAt}\""));
        Assert.Equal([first.Id], await SearchAsync(customers, $"-created>{secondAt - 1}"));
    }

    [Fact]
    public async Task Search_PagedWithNextPage_VisitsEveryMatchOnce()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateAsync(customers, name: $"Paged {i}"));
        }

        await CreateAsync(customers, name: "Other");
        var pages = new List<Stripe.StripeSearchResult<Stripe.Customer>>();
        string? page = null;
        do
        {
            var result = await customers.SearchAsync(new Stripe.CustomerSearchOptions { Query = "name~'paged'", Limit = 2, Page = page }, cancellationToken: Cancellation);
            pages.Add(result);
            page = result.NextPage;
        }
        while (page is not null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Data.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(p => p.Data).Select(c => c.Id));
    }

    [Fact]
    public async Task Search_AnswersStripesSearchResultEnvelope()
    {
        var context = TestContexts.NewPlatform();
        var id = await CreateAsync(service.CustomersFor(context), name: "Envelope");
        using var client = service.ClientFor(context);

        var result = await Http.OkAsync(await client.GetAsync("/v1/customers/search?query=name:'Envelope'", Cancellation));

        Assert.Equal(["object", "url", "has_more", "data", "next_page"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal("search_result", result.Text("object"));
        Assert.Equal("/v1/customers/search", result.Text("url"));
        Assert.False(result.GetProperty("has_more").GetBoolean());
        Assert.Null(result.Text("next_page"));
        Assert.Equal([id], result.GetProperty("data").EnumerateArray().Select(c => c.Id()));
        Assert.Equal("customer", result.GetProperty("data")[0].Text("object"));
    }

    [Fact]
    public async Task Search_SeesNeitherDeletedCustomersNorOtherAccounts()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var kept = await CreateAsync(customers, name: "Shared name");
        var deleted = await CreateAsync(customers, name: "Shared name");
        await customers.DeleteAsync(deleted, cancellationToken: Cancellation);
        await CreateAsync(service.CustomersFor(TestContexts.NewPlatform()), name: "Shared name");
        await CreateAsync(service.CustomersFor(context.OnConnectedAccount("acct_connected" + Guid.NewGuid().ToString("N"))), name: "Shared name");

        Assert.Equal([kept], await SearchAsync(customers, "name:'Shared name'"));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("email")]
    [InlineData("email:")]
    [InlineData("email:jenny@example.com")]
    [InlineData("email:'unterminated")]
    [InlineData("email='jenny@example.com'")]
    [InlineData("unknown:'value'")]
    [InlineData("Email:'jenny@example.com'")]
    [InlineData("email:'a' AND name:'b' OR phone:'c'")]
    [InlineData("email:'a' name:'b' OR phone:'c'")]
    [InlineData("email:'a'name:'b'")]
    [InlineData("email:'a' AND")]
    [InlineData("name~'ab'")]
    [InlineData("metadata['key']~'value'")]
    [InlineData("metadata:'value'")]
    [InlineData("metadata['key']:value")]
    [InlineData("metadata['key'")]
    [InlineData("created>yesterday")]
    [InlineData("created~'1'")]
    [InlineData("created>-1")]
    [InlineData("name:'1' name:'2' name:'3' name:'4' name:'5' name:'6' name:'7' name:'8' name:'9' name:'10' name:'11'")]
    public async Task Search_MalformedQuery_IsAnInvalidRequestOnQuery(string query)
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await client.GetAsync($"/v1/customers/search?query={Uri.EscapeDataString(query)}", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal("query", error.Text("param"));
        Assert.NotEmpty(error.Text("message")!);
    }

    [Fact]
    public async Task Search_TenClauses_IsAllowed()
    {
        var customers = service.CustomersFor(TestContexts.NewPlatform());
        var id = await CreateAsync(customers, name: "ten");

        Assert.Equal([id], await SearchAsync(customers, string.Join(" OR ", Enumerable.Range(1, 10).Select(i => i == 10 ? "name:'ten'" : $"name:'{i}'"))));
    }

    [Theory]
    [InlineData("", "query", "Missing required param: query.")]
    [InlineData("?query=", "query", null)]
    [InlineData("?query=name:'x'&page=not-a-token", "page", null)]
    [InlineData("?query=name:'x'&limit=0", "limit", null)]
    [InlineData("?query=name:'x'&starting_after=cus_123", "starting_after", "Received unknown parameter: starting_after")]
    public async Task Search_InvalidParameter_IsRefusedOnIt(string queryString, string param, string? message)
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await client.GetAsync($"/v1/customers/search{queryString}", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal(param, error.Text("param"));
        if (message is not null)
        {
            Assert.Equal(message, error.Text("message"));
        }
    }

    static async Task<string> CreateAsync(
        Stripe.CustomerService customers, string? name = null, string? email = null, string? phone = null, Dictionary<string, string>? metadata = null) =>
        (await customers.CreateAsync(new Stripe.CustomerCreateOptions { Name = name, Email = email, Phone = phone, Metadata = metadata }, cancellationToken: Cancellation)).Id;

    static async Task<IReadOnlyList<string>> SearchAsync(Stripe.CustomerService customers, string query) =>
        [.. (await customers.SearchAsync(new Stripe.CustomerSearchOptions { Query = query, Limit = 100 }, cancellationToken: Cancellation)).Data.Select(c => c.Id)];
}
