using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary>
/// Each change publishes one <c>ApiEventRaised</c> through the outbox, in its own transaction, carrying the customer
/// exactly as the API answered; a request that changes nothing publishes nothing.
/// </summary>
public sealed class CustomerEventsTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_PublishesCustomerCreated_WithTheObjectTheApiAnswered()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers")
        {
            Content = Http.Form(("email", "jenny@example.com"), ("metadata[tier]", "gold")),
        };
        request.Headers.Add("Idempotency-Key", "event-create");
        using var response = await client.SendAsync(request, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        var raised = Assert.Single(await Rows.EventsAsync(service.Database, context.AccountId));

        Assert.Equal("customer.created", raised.Type);
        Assert.Matches("^evt_[0-9A-Za-z]{22}$", raised.EventId);
        Assert.Equal(context.PlatformId, raised.PlatformId);
        Assert.Equal(context.AccountId, raised.AccountId);
        Assert.Equal(context.RequestId, raised.RequestId);
        Assert.Equal("event-create", raised.IdempotencyKey);
        Assert.Equal(body, raised.ObjectJson);
        Assert.Null(raised.PreviousAttributesJson);
        Assert.InRange(raised.Created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Update_PublishesCustomerUpdated_WithOnlyTheChangedFieldsPreviousValues()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var id = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers",
            ("email", "old@example.com"), ("name", "Jenny"), ("address[city]", "Paris"), ("address[line1]", "1 Rue"),
            ("metadata[kept]", "1"), ("metadata[changed]", "old"), ("metadata[removed]", "gone"), ("preferred_locales[]", "fr")))).Id();

        using var response = await Http.PostAsync(client, $"/v1/customers/{id}",
            ("email", "new@example.com"), ("name", "Jenny"), ("address[city]", "Lyon"), ("address[line1]", "1 Rue"),
            ("metadata[changed]", "new"), ("metadata[removed]", ""), ("metadata[added]", "2"), ("preferred_locales[]", "en"));
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        var events = await Rows.EventsAsync(service.Database, context.AccountId, id);
        Assert.Equal(["customer.created", "customer.updated"], events.Select(e => e.Type));
        var updated = events[1];
        Assert.Equal(body, updated.ObjectJson);
        Assert.Equal(context.RequestId, updated.RequestId);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {
                  "address": { "city": "Paris" },
                  "email": "old@example.com",
                  "metadata": { "changed": "old", "removed": "gone", "added": null },
                  "preferred_locales": ["fr"]
                }
                """),
            JsonNode.Parse(updated.PreviousAttributesJson!)), updated.PreviousAttributesJson);
    }

    [Fact]
    public async Task Update_SettingFieldsToWhatTheyAre_PublishesNothing()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("name", "Jenny"), ("metadata[tier]", "gold")));
        var id = created.Id();

        var same = await Http.OkAsync(await Http.PostAsync(client, $"/v1/customers/{id}", ("name", "Jenny"), ("metadata[tier]", "gold"), ("metadata[absent]", "")));
        var empty = await Http.OkAsync(await Http.PostAsync(client, $"/v1/customers/{id}"));

        Assert.Equal(created.GetRawText(), same.GetRawText());
        Assert.Equal(created.GetRawText(), empty.GetRawText());
        Assert.Equal(["customer.created"], (await Rows.EventsAsync(service.Database, context.AccountId, id)).Select(e => e.Type));
    }

    [Fact]
    public async Task Delete_PublishesCustomerDeleted_WithTheCustomerAsItLastWas()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var id = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("email", "jenny@example.com")))).Id();
        var updated = await (await Http.PostAsync(client, $"/v1/customers/{id}", ("name", "Jenny"))).Content.ReadAsStringAsync(Cancellation);

        using var response = await client.DeleteAsync($"/v1/customers/{id}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var events = await Rows.EventsAsync(service.Database, context.AccountId, id);
        Assert.Equal(["customer.created", "customer.updated", "customer.deleted"], events.Select(e => e.Type));
        Assert.Equal(updated, events[2].ObjectJson);
        Assert.Null(events[2].PreviousAttributesJson);
        Assert.Equal(3, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task RefusedRequests_PublishNothing()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var id = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers"))).Id();

        await Http.ErrorAsync(await Http.PostAsync(client, $"/v1/customers/{id}", ("email", "nope")), HttpStatusCode.BadRequest);
        await Http.ErrorAsync(await Http.PostAsync(client, "/v1/customers/cus_missing", ("name", "x")), HttpStatusCode.NotFound);
        await Http.ErrorAsync(await client.DeleteAsync("/v1/customers/cus_missing", Cancellation), HttpStatusCode.NotFound);
        await Http.ErrorAsync(await client.DeleteAsync($"/v1/customers/{id}?unknown=1", Cancellation), HttpStatusCode.BadRequest);

        Assert.Equal(["customer.created"], (await Rows.EventsAsync(service.Database, context.AccountId)).Select(e => e.Type));
    }
}
