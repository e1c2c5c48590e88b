using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using Stripe;
using Stripe.Radar;

namespace Marketplace.Fraud.Tests.ValueLists;

/// <summary>Stripe.net's Radar value list services, unchanged, against the service.</summary>
public sealed class ValueListsStripeNetTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateRetrieveUpdateDelete_WithStripeNet_RoundTripsEveryField()
    {
        var client = service.StripeFor(TestContexts.NewPlatform());
        var lists = new ValueListService(client);

        var created = await lists.CreateAsync(new ValueListCreateOptions
        {
            Alias = "eu_countries",
            Name = "EU countries",
            ItemType = "country",
            Metadata = new Dictionary<string, string> { ["owner"] = "risk" },
        }, cancellationToken: Cancellation);

        Assert.StartsWith("rsl_", created.Id, StringComparison.Ordinal);
        Assert.Equal("radar.value_list", created.Object);
        Assert.Equal("eu_countries", created.Alias);
        Assert.Equal("country", created.ItemType);
        Assert.Equal("risk", created.Metadata["owner"]);
        Assert.Empty(created.ListItems.Data);

        var items = new ValueListItemService(client);
        var fr = await items.CreateAsync(new ValueListItemCreateOptions { ValueList = created.Id, Value = "fr" }, cancellationToken: Cancellation);
        Assert.StartsWith("rsli_", fr.Id, StringComparison.Ordinal);
        Assert.Equal("FR", fr.Value);
        Assert.Equal(created.Id, fr.ValueList);

        var retrieved = await lists.GetAsync(created.Id, cancellationToken: Cancellation);
        Assert.Equal(["FR"], retrieved.ListItems.Data.Select(item => item.Value));

        var updated = await lists.UpdateAsync(created.Id, new ValueListUpdateOptions { Name = "EU member states" }, cancellationToken: Cancellation);
        Assert.Equal("EU member states", updated.Name);
        Assert.Equal("eu_countries", updated.Alias);

        var removed = await items.DeleteAsync(fr.Id, cancellationToken: Cancellation);
        Assert.True(removed.Deleted);
        var deleted = await lists.DeleteAsync(created.Id, cancellationToken: Cancellation);
        Assert.True(deleted.Deleted);
        var missing = await Assert.ThrowsAsync<StripeException>(() => lists.GetAsync(created.Id, cancellationToken: Cancellation));
        Assert.Equal("resource_missing", missing.StripeError.Code);
    }

    [Fact]
    public async Task List_WithStripeNet_ShowsTheDefaultBlockListsAndFiltersByAlias()
    {
        var client = service.StripeFor(TestContexts.NewPlatform());
        var lists = new ValueListService(client);
        await lists.CreateAsync(new ValueListCreateOptions { Alias = "vip_customers", Name = "VIP", ItemType = "customer_id" }, cancellationToken: Cancellation);

        var all = await lists.ListAsync(new ValueListListOptions { Limit = 100 }, cancellationToken: Cancellation);
        var byAlias = await lists.ListAsync(new ValueListListOptions { Alias = "vip_customers" }, cancellationToken: Cancellation);

        Assert.Equal(
            ["block_list_card_fingerprint", "block_list_email", "block_list_ip_address", "vip_customers"],
            all.Data.Select(list => list.Alias).Order(StringComparer.Ordinal));
        Assert.Equal("vip_customers", Assert.Single(byAlias.Data).Alias);
    }

    [Fact]
    public async Task ListItems_WithStripeNet_PagesNewestFirst()
    {
        var client = service.StripeFor(TestContexts.NewPlatform());
        var list = await new ValueListService(client).CreateAsync(
            new ValueListCreateOptions { Alias = "bad_ips", Name = "Bad IPs", ItemType = "ip_address" }, cancellationToken: Cancellation);
        var items = new ValueListItemService(client);
        foreach (var ip in new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" })
        {
            await items.CreateAsync(new ValueListItemCreateOptions { ValueList = list.Id, Value = ip }, cancellationToken: Cancellation);
        }

        var first = await items.ListAsync(new ValueListItemListOptions { ValueList = list.Id, Limit = 2 }, cancellationToken: Cancellation);
        var second = await items.ListAsync(
            new ValueListItemListOptions { ValueList = list.Id, Limit = 2, StartingAfter = first.Data[^1].Id }, cancellationToken: Cancellation);

        Assert.Equal(["10.0.0.3", "10.0.0.2"], first.Data.Select(item => item.Value));
        Assert.True(first.HasMore);
        Assert.Equal(["10.0.0.1"], second.Data.Select(item => item.Value));
        Assert.False(second.HasMore);
    }

    [Theory]
    [InlineData("country", "FRA")]
    [InlineData("ip_address", "999.1.1.1")]
    [InlineData("card_bin", "42")]
    [InlineData("email", "not-an-email")]
    public async Task CreateItem_ValueNotOfTheListsType_Is400OnValue(string itemType, string value)
    {
        var client = service.StripeFor(TestContexts.NewPlatform());
        var list = await new ValueListService(client).CreateAsync(
            new ValueListCreateOptions { Alias = "typed", Name = "Typed", ItemType = itemType }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => new ValueListItemService(client).CreateAsync(
            new ValueListItemCreateOptions { ValueList = list.Id, Value = value }, cancellationToken: Cancellation));

        Assert.Equal("invalid_request_error", error.StripeError.Type);
        Assert.Equal("value", error.StripeError.Param);
    }

    [Fact]
    public async Task Create_AliasTaken_Is400OnAlias()
    {
        var lists = new ValueListService(service.StripeFor(TestContexts.NewPlatform()));
        await lists.CreateAsync(new ValueListCreateOptions { Alias = "twice", Name = "One" }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            lists.CreateAsync(new ValueListCreateOptions { Alias = "twice", Name = "Two" }, cancellationToken: Cancellation));

        Assert.Equal("alias", error.StripeError.Param);
    }

    [Fact]
    public async Task Delete_DefaultBlockList_IsRefused()
    {
        var lists = new ValueListService(service.StripeFor(TestContexts.NewPlatform()));
        var defaults = await lists.ListAsync(new ValueListListOptions { Alias = "block_list_email" }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => lists.DeleteAsync(defaults.Data[0].Id, cancellationToken: Cancellation));

        Assert.Equal("invalid_request_error", error.StripeError.Type);
    }
}
