using System.Reflection;
using Marketplace.Webhooks.Events;

namespace Marketplace.Webhooks.Tests.Events;

public sealed class EventTypesTests
{
    [Fact]
    public void EveryKnownType_IsOneStripeNetNames()
    {
        var stripeTypes = typeof(Stripe.EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(EventTypes.Known, type => Assert.Contains(type, stripeTypes));
    }

    [Theory]
    [InlineData("customer.created", true)]
    [InlineData("customer.subscription.updated", true)]
    [InlineData("payment_intent.succeeded", true)]
    [InlineData("*", true)]
    [InlineData("customer.*", false)]
    [InlineData("customer.exploded", false)]
    [InlineData("Customer.Created", false)]
    public void CanSubscribe_KnownTypesAndTheWildcardOnly(string type, bool allowed) =>
        Assert.Equal(allowed, EventTypes.CanSubscribe(type));
}
