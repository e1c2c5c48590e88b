using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary>
/// Behind the gateway's own idempotency, the database holds one customer per (account, Idempotency-Key): a replayed
/// create answers with the first customer, even when both arrive at once.
/// </summary>
public sealed class CustomerIdempotencyTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTwice_WithTheSameKey_AnswersTheFirstCustomerUnchanged()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var options = new Stripe.RequestOptions { IdempotencyKey = "create-jenny" };

        var first = await customers.CreateAsync(new Stripe.CustomerCreateOptions { Name = "Jenny" }, options, Cancellation);
        var second = await customers.CreateAsync(new Stripe.CustomerCreateOptions { Name = "Someone else" }, options, Cancellation);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Jenny", second.Name);
        Assert.Equal(first.StripeResponse.Content, second.StripeResponse.Content);
        Assert.Equal(1, await Rows.CustomerCountAsync(service.Database, context.AccountId));
        Assert.Single(await Rows.EventsAsync(service.Database, context.AccountId));
    }

    [Fact]
    public async Task CreateConcurrently_WithTheSameKey_MakesOneCustomer()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = Http.Form(("name", $"attempt {i}")) };
            request.Headers.Add("Idempotency-Key", "concurrent-create");
            using var response = await client.SendAsync(request, Cancellation);
            return await Http.OkAsync(response);
        }));

        Assert.Single(responses.Select(r => r.Id()).Distinct());
        Assert.Single(responses.Select(r => r.Text("name")).Distinct());
        Assert.Equal(1, await Rows.CustomerCountAsync(service.Database, context.AccountId));
        var created = Assert.Single(await Rows.EventsAsync(service.Database, context.AccountId));
        Assert.Equal("concurrent-create", created.IdempotencyKey);
    }

    [Fact]
    public async Task SameKey_OnTwoAccounts_MakesTwoCustomers()
    {
        var options = new Stripe.RequestOptions { IdempotencyKey = "shared-key" };

        var first = await service.CustomersFor(TestContexts.NewPlatform()).CreateAsync(new Stripe.CustomerCreateOptions(), options, Cancellation);
        var second = await service.CustomersFor(TestContexts.NewPlatform()).CreateAsync(new Stripe.CustomerCreateOptions(), options, Cancellation);

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task ReplayedCreate_OfADeletedCustomer_AnswersTheDeletedStub()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var options = new Stripe.RequestOptions { IdempotencyKey = "create-then-delete" };
        var first = await customers.CreateAsync(new Stripe.CustomerCreateOptions(), options, Cancellation);
        await customers.DeleteAsync(first.Id, cancellationToken: Cancellation);

        var replay = await customers.CreateAsync(new Stripe.CustomerCreateOptions(), options, Cancellation);

        Assert.Equal(first.Id, replay.Id);
        Assert.True(replay.Deleted);
        Assert.Equal(1, await Rows.CustomerCountAsync(service.Database, context.AccountId));
    }

    [Fact]
    public async Task CreatesWithoutAKey_AreDistinctCustomers()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);

        var first = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers"));
        var second = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers"));

        Assert.NotEqual(first.Id(), second.Id());
        Assert.Equal(2, await Rows.CustomerCountAsync(service.Database, context.AccountId));
        Assert.All(await Rows.EventsAsync(service.Database, context.AccountId), e => Assert.Null(e.IdempotencyKey));
    }
}
