using System.Net;
using System.Text.Json;
using Marketplace.Data;
using Marketplace.Testing;
using Marketplace.Webhooks.Tests.Support;

namespace Marketplace.Webhooks.Tests.WebhookEndpoints;

public sealed class WebhookEndpointsApiTests(WebhooksFixture fixture) : IClassFixture<WebhooksFixture>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateRetrieveUpdateListDelete_ThroughStripeNet_ShowTheSecretOnCreateOnly()
    {
        var platform = TestContexts.NewPlatform();
        using var http = fixture.Http(platform);
        var endpoints = new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http));

        var created = await endpoints.CreateAsync(new Stripe.WebhookEndpointCreateOptions
        {
            Url = "https://example.com/hooks",
            EnabledEvents = ["customer.created", "customer.updated"],
            Description = "Customers",
            Metadata = new() { ["team"] = "growth" },
            ApiVersion = "2026-10-28.endive",
        }, cancellationToken: Cancellation);
        var retrieved = await endpoints.GetAsync(created.Id, cancellationToken: Cancellation);
        var updated = await endpoints.UpdateAsync(created.Id, new Stripe.WebhookEndpointUpdateOptions
        {
            Url = "http://example.com/other",
            EnabledEvents = ["*"],
            Disabled = true,
            Metadata = new() { ["team"] = "", ["tier"] = "gold" },
        }, cancellationToken: Cancellation);
        var enabledAgain = await endpoints.UpdateAsync(created.Id, new Stripe.WebhookEndpointUpdateOptions { Disabled = false }, cancellationToken: Cancellation);
        var listed = await endpoints.ListAsync(cancellationToken: Cancellation);
        var deleted = await endpoints.DeleteAsync(created.Id, cancellationToken: Cancellation);
        var afterDelete = await Assert.ThrowsAsync<Stripe.StripeException>(() => endpoints.GetAsync(created.Id, cancellationToken: Cancellation));

        Assert.StartsWith("we_", created.Id, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(["customer.created", "customer.updated"], created.EnabledEvents);
        Assert.Equal("enabled", created.Status);
        Assert.Equal("2026-10-28.endive", created.ApiVersion);
        Assert.Null(retrieved.Secret);
        Assert.Equal("Customers", retrieved.Description);
        Assert.Equal("growth", retrieved.Metadata["team"]);
        Assert.Equal(created.Created, retrieved.Created);
        Assert.Equal("disabled", updated.Status);
        Assert.Equal("http://example.com/other", updated.Url);
        Assert.Equal(["*"], updated.EnabledEvents);
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold" }, updated.Metadata);
        Assert.Equal("Customers", updated.Description);
        Assert.Null(updated.Secret);
        Assert.Equal("enabled", enabledAgain.Status);
        Assert.Equal([created.Id], listed.Data.Select(e => e.Id));
        Assert.Null(listed.Data[0].Secret);
        Assert.True(deleted.Deleted);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.HttpStatusCode);
        Assert.Empty((await endpoints.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task Retrieved_HasEveryFieldStripeNetReads_ButTheSecret()
    {
        var platform = TestContexts.NewPlatform();
        using var http = fixture.Http(platform);
        var created = await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http)).CreateAsync(
            new Stripe.WebhookEndpointCreateOptions { Url = "https://example.com/hooks", EnabledEvents = ["*"] }, cancellationToken: Cancellation);

        using var json = JsonDocument.Parse(await http.GetStringAsync($"/v1/webhook_endpoints/{created.Id}", Cancellation));

        var expected = StripeNetFields.Of<Stripe.WebhookEndpoint>().Except(["secret", "deleted"]);
        Assert.All(expected, field => Assert.True(json.RootElement.TryGetProperty(field, out _), field));
        Assert.False(json.RootElement.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task Update_EmptyDescription_ClearsIt()
    {
        var platform = TestContexts.NewPlatform();
        using var http = fixture.Http(platform);
        var endpoints = new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http));
        var created = await endpoints.CreateAsync(new Stripe.WebhookEndpointCreateOptions
        {
            Url = "https://example.com/hooks", EnabledEvents = ["*"], Description = "Everything",
        }, cancellationToken: Cancellation);

        var response = await http.PostAsync($"/v1/webhook_endpoints/{created.Id}", Form("description="), Cancellation);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task List_PagesNewestFirst()
    {
        var platform = TestContexts.NewPlatform();
        using var http = fixture.Http(platform);
        var endpoints = new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await endpoints.CreateAsync(new Stripe.WebhookEndpointCreateOptions
            {
                Url = $"https://example.com/{i}", EnabledEvents = ["*"],
            }, cancellationToken: Cancellation)).Id);
            await Task.Delay(2, Cancellation); // ids sort by the millisecond they were made in
        }

        var first = await endpoints.ListAsync(new Stripe.WebhookEndpointListOptions { Limit = 2 }, cancellationToken: Cancellation);
        var second = await endpoints.ListAsync(new Stripe.WebhookEndpointListOptions { Limit = 2, StartingAfter = first.Data[^1].Id }, cancellationToken: Cancellation);

        Assert.Equal([ids[2], ids[1]], first.Data.Select(e => e.Id));
        Assert.True(first.HasMore);
        Assert.Equal([ids[0]], second.Data.Select(e => e.Id));
        Assert.False(second.HasMore);
    }

    [Theory]
    [InlineData("url=https://example.com/h&enabled_events[]=customer.created&enabled_events[]=customer.exploded", "enabled_events[1]")]
    [InlineData("url=https://example.com/h&enabled_events[]=customer.*", "enabled_events[0]")]
    [InlineData("url=https://example.com/h", "enabled_events")]
    [InlineData("url=ftp://example.com/h&enabled_events[]=*", "url")]
    [InlineData("url=example.com/h&enabled_events[]=*", "url")]
    [InlineData("enabled_events[]=*", "url")]
    [InlineData("url=https://example.com/h&enabled_events[]=*&colour=red", "colour")]
    [InlineData("url=https://example.com/h&enabled_events[]=*&api_version=2020-08-27", "api_version")]
    [InlineData("url=https://example.com/h&enabled_events[]=*&connect=maybe", "connect")]
    public async Task Create_BadInput_Is400WithTheParam_AndCreatesNothing(string body, string param)
    {
        var platform = TestContexts.NewPlatform();
        using var http = fixture.Http(platform);

        var response = await http.PostAsync("/v1/webhook_endpoints", Form(body), Cancellation);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var list = await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http)).ListAsync(cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", error.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(param, error.RootElement.GetProperty("error").GetProperty("param").GetString());
        Assert.Empty(list.Data);
    }

    [Theory]
    [InlineData("enabled_events[]=nope.never", "enabled_events[0]")]
    [InlineData("url=mailto:someone@example.com", "url")]
    [InlineData("connect=true", "connect")]
    public async Task Update_BadInput_Is400WithTheParam_AndChangesNothing(string body, string param)
    {
        var platform = TestContexts.NewPlatform();
        using var http = fixture.Http(platform);
        var endpoints = new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(http));
        var created = await endpoints.CreateAsync(new Stripe.WebhookEndpointCreateOptions
        {
            Url = "https://example.com/hooks", EnabledEvents = ["customer.created"],
        }, cancellationToken: Cancellation);

        var response = await http.PostAsync($"/v1/webhook_endpoints/{created.Id}", Form(body), Cancellation);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var after = await endpoints.GetAsync(created.Id, cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, error.RootElement.GetProperty("error").GetProperty("param").GetString());
        Assert.Equal("https://example.com/hooks", after.Url);
        Assert.Equal(["customer.created"], after.EnabledEvents);
    }

    [Fact]
    public async Task ThroughStripeAccount_EveryOperationIsAPermissionError()
    {
        var platform = TestContexts.NewPlatform();
        using var asPlatform = fixture.Http(platform);
        var created = await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(asPlatform)).CreateAsync(
            new Stripe.WebhookEndpointCreateOptions { Url = "https://example.com/hooks", EnabledEvents = ["*"] }, cancellationToken: Cancellation);
        using var asAccount = fixture.Http(platform.OnConnectedAccount(PrefixedId.New("acct")));

        HttpResponseMessage[] responses =
        [
            await asAccount.PostAsync("/v1/webhook_endpoints", Form("url=https://example.com/h&enabled_events[]=*"), Cancellation),
            await asAccount.GetAsync("/v1/webhook_endpoints", Cancellation),
            await asAccount.GetAsync($"/v1/webhook_endpoints/{created.Id}", Cancellation),
            await asAccount.PostAsync($"/v1/webhook_endpoints/{created.Id}", Form("disabled=true"), Cancellation),
            await asAccount.DeleteAsync($"/v1/webhook_endpoints/{created.Id}", Cancellation),
            await asAccount.GetAsync($"/v1/webhook_endpoints/{created.Id}/delivery_attempts", Cancellation),
        ];

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        var still = await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(asPlatform)).GetAsync(created.Id, cancellationToken: Cancellation);
        Assert.Equal("enabled", still.Status);
    }

    [Fact]
    public async Task AnotherPlatformsEndpoint_IsResourceMissing()
    {
        using var owner = fixture.Http(TestContexts.NewPlatform());
        var created = await new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(owner)).CreateAsync(
            new Stripe.WebhookEndpointCreateOptions { Url = "https://example.com/hooks", EnabledEvents = ["*"] }, cancellationToken: Cancellation);
        using var other = fixture.Http(TestContexts.NewPlatform());
        var endpoints = new Stripe.WebhookEndpointService(WebhooksFixture.Stripe(other));

        var get = await Assert.ThrowsAsync<Stripe.StripeException>(() => endpoints.GetAsync(created.Id, cancellationToken: Cancellation));
        var delete = await Assert.ThrowsAsync<Stripe.StripeException>(() => endpoints.DeleteAsync(created.Id, cancellationToken: Cancellation));
        var attempts = await other.GetAsync($"/v1/webhook_endpoints/{created.Id}/delivery_attempts", Cancellation);

        Assert.Equal("resource_missing", get.StripeError.Code);
        Assert.Equal("resource_missing", delete.StripeError.Code);
        Assert.Equal(HttpStatusCode.NotFound, attempts.StatusCode);
        Assert.Empty((await endpoints.ListAsync(cancellationToken: Cancellation)).Data);
    }

    static FormUrlEncodedContent Form(string body) =>
        new(body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], kv[1])));
}
