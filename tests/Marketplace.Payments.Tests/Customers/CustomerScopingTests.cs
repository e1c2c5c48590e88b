using System.Net;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary>Every customer belongs to one account; any other account sees a 404, exactly as for an id that never existed.</summary>
public sealed class CustomerScopingTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnotherPlatformsCustomer_IsMissingForRetrieveUpdateAndDelete_AndStaysUnchanged()
    {
        var owner = TestContexts.NewPlatform();
        using var ownerClient = service.ClientFor(owner);
        var created = await Http.OkAsync(await Http.PostAsync(ownerClient, "/v1/customers", ("name", "Jenny")));
        var id = created.Id();
        var stranger = TestContexts.NewPlatform();
        using var client = service.ClientFor(stranger);

        var responses = new[]
        {
            await client.GetAsync($"/v1/customers/{id}", Cancellation),
            await Http.PostAsync(client, $"/v1/customers/{id}", ("name", "Mallory")),
            await client.DeleteAsync($"/v1/customers/{id}", Cancellation),
        };

        foreach (var response in responses)
        {
            var error = await Http.ErrorAsync(response, HttpStatusCode.NotFound);
            Assert.Equal("resource_missing", error.Text("code"));
            Assert.Equal("id", error.Text("param"));
            Assert.Equal($"No such customer: '{id}'", error.Text("message"));
        }

        var retrieved = await Http.OkAsync(await ownerClient.GetAsync($"/v1/customers/{id}", Cancellation));
        Assert.Equal(created.GetRawText(), retrieved.GetRawText());
        Assert.Empty(await Rows.EventsAsync(service.Database, stranger.AccountId));
        Assert.Single(await Rows.EventsAsync(service.Database, owner.AccountId));
    }

    [Fact]
    public async Task ConnectedAccount_AndItsPlatform_SeeOnlyTheirOwnCustomers()
    {
        var platform = TestContexts.NewPlatform();
        var connected = platform.OnConnectedAccount(Marketplace.Data.PrefixedId.New("acct"));
        var platformCustomers = service.CustomersFor(platform);
        var connectedCustomers = service.CustomersFor(connected);
        var ofPlatform = await platformCustomers.CreateAsync(new Stripe.CustomerCreateOptions { Email = "same@example.com" }, cancellationToken: Cancellation);
        var ofConnected = await connectedCustomers.CreateAsync(new Stripe.CustomerCreateOptions { Email = "same@example.com" }, cancellationToken: Cancellation);

        Assert.Equal([ofPlatform.Id], (await platformCustomers.ListAsync(cancellationToken: Cancellation)).Data.Select(c => c.Id));
        Assert.Equal([ofConnected.Id], (await connectedCustomers.ListAsync(cancellationToken: Cancellation)).Data.Select(c => c.Id));
        var missing = await Assert.ThrowsAsync<Stripe.StripeException>(() => connectedCustomers.GetAsync(ofPlatform.Id, cancellationToken: Cancellation));
        Assert.Equal(HttpStatusCode.NotFound, missing.HttpStatusCode);
        Assert.Equal($"No such customer: '{ofPlatform.Id}'", missing.StripeError.Message);
        var events = await Rows.EventsAsync(service.Database, connected.AccountId);
        Assert.Equal(platform.PlatformId, Assert.Single(events).PlatformId);
    }

    [Theory]
    [InlineData("GET", "/v1/customers")]
    [InlineData("POST", "/v1/customers")]
    [InlineData("GET", "/v1/customers/search?query=name:'x'")]
    [InlineData("DELETE", "/v1/customers/cus_123")]
    public async Task UnsignedRequest_IsRefusedWith401(string method, string path)
    {
        using var client = service.UnsignedClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Marketplace-Account", "acct_forged");
        request.Headers.Add("Marketplace-Platform", "acct_forged");

        var error = await Http.ErrorAsync(await client.SendAsync(request, Cancellation), HttpStatusCode.Unauthorized);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal(0, await Rows.CustomerCountAsync(service.Database, "acct_forged"));
    }
}
