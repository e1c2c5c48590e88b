using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Api.Tests.Objects;

public sealed class StripeJsonTests
{
    [Fact]
    public void Serialize_AnObject_WritesObjectLivemodeNullsAndUnixSeconds()
    {
        var customer = new TestCustomer("cus_1", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), null, null);

        using var json = JsonDocument.Parse(StripeJson.Serialize(customer));
        var root = json.RootElement;

        Assert.Equal("customer", root.GetProperty("object").GetString());
        Assert.Equal("object", root.EnumerateObject().First().Name);
        Assert.False(root.TryGetProperty("object_type", out _));
        Assert.False(root.TryGetProperty("type_name", out _));
        Assert.False(root.GetProperty("livemode").GetBoolean());
        Assert.Equal(1_700_000_000, root.GetProperty("created").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("default_source").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("deleted_at").ValueKind);
    }

    [Fact]
    public void Serialize_ReadBackByStripeNet_FillsItsModel()
    {
        var customer = new TestCustomer("cus_1", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "card_1", null);

        var parsed = Stripe.Customer.FromJson(StripeJson.Serialize(customer));

        Assert.Equal("cus_1", parsed.Id);
        Assert.Equal("customer", parsed.Object);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime, parsed.Created);
        Assert.Equal("card_1", parsed.DefaultSourceId);
        Assert.False(parsed.Livemode);
    }

    sealed record TestCustomer(string Id, DateTimeOffset Created, string? DefaultSource, DateTimeOffset? DeletedAt) : StripeObject
    {
        protected override string TypeName => "customer";
    }
}
