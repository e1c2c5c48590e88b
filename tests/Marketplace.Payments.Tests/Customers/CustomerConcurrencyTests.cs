using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary>Concurrent writers lose nothing, and list pages stay stable while customers are added.</summary>
public sealed class CustomerConcurrencyTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentMetadataUpdates_AreAllKept()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var id = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("metadata[base]", "0")))).Id();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
            await Http.OkAsync(await Http.PostAsync(client, $"/v1/customers/{id}", ($"metadata[writer{i}]", $"{i}")))));

        var metadata = (await Http.OkAsync(await client.GetAsync($"/v1/customers/{id}", Cancellation))).GetProperty("metadata");
        Assert.Equal(13, metadata.EnumerateObject().Count());
        Assert.All(Enumerable.Range(0, 12), i => Assert.Equal($"{i}", metadata.Text($"writer{i}")));
        var updates = (await Rows.EventsAsync(service.Database, context.AccountId, id)).Where(e => e.Type == "customer.updated").ToList();
        Assert.Equal(12, updates.Count);
        // Serialised by the row lock: each update saw every earlier one, so each adds exactly its own key.
        Assert.All(updates, e => Assert.Single(JsonNode.Parse(e.PreviousAttributesJson!)!["metadata"]!.AsObject()));
    }

    [Fact]
    public async Task Paging_WhileCustomersAreCreated_VisitsEachEarlierCustomerExactlyOnce()
    {
        var context = TestContexts.NewPlatform();
        var customers = service.CustomersFor(context);
        var existing = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            existing.Add((await customers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var added = new ConcurrentBag<string>();
        var writer = Task.Run(async () =>
        {
            var writerCustomers = service.CustomersFor(context);
            while (!stop.IsCancellationRequested)
            {
                added.Add((await writerCustomers.CreateAsync(new Stripe.CustomerCreateOptions(), cancellationToken: Cancellation)).Id);
            }
        }, Cancellation);

        var seen = new List<string>();
        var first = await customers.ListAsync(new Stripe.CustomerListOptions { Limit = 3 }, cancellationToken: Cancellation);
        var page = first;
        seen.AddRange(page.Data.Select(c => c.Id));
        while (page.HasMore)
        {
            page = await customers.ListAsync(new Stripe.CustomerListOptions { Limit = 3, StartingAfter = page.Data[^1].Id }, cancellationToken: Cancellation);
            seen.AddRange(page.Data.Select(c => c.Id));
        }

        await stop.CancelAsync();
        await writer;
        Assert.NotEmpty(added);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        // Everything after the first page's start is older than it: customers added meanwhile never shift a page.
        var expected = existing.Concat(added).Where(id => string.CompareOrdinal(id, first.Data[0].Id) <= 0).OrderDescending(StringComparer.Ordinal);
        Assert.Equal(expected, seen);
        Assert.True(existing.All(seen.Contains));
    }
}
