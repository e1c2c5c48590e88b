using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Api;

/// <summary>Events and signed webhook deliveries across the stack: Payments publishes, Webhooks records and delivers.</summary>
public sealed class WebhooksTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatingACustomer_DeliversASignedCustomerCreatedEventThatStripeNetVerifies()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var platform = await RunningPlatform.CreatePlatformAsync();
        var stripe = RunningPlatform.Stripe(platform.SecretKey);
        var endpoint = await stripe.V1.WebhookEndpoints.CreateAsync(
            new WebhookEndpointCreateOptions { Url = receiver.Url, EnabledEvents = ["customer.created"] }, cancellationToken: Cancellation);

        var customer = await stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "hook@example.com" }, cancellationToken: Cancellation);

        for (var i = 0; i < 150 && receiver.Deliveries.IsEmpty; i++)
        {
            await Task.Delay(100, Cancellation);
        }

        var (body, signature) = Assert.Single(receiver.Deliveries);
        var verified = EventUtility.ConstructEvent(body, signature, endpoint.Secret);
        Assert.Equal("customer.created", verified.Type);
        Assert.Equal(customer.Id, Assert.IsType<Customer>(verified.Data.Object).Id);
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(body, signature, "whsec_not_the_secret"));

        var listed = await stripe.V1.Events.ListAsync(new EventListOptions { Type = "customer.*" }, cancellationToken: Cancellation);
        Assert.Equal(verified.Id, Assert.Single(listed.Data).Id);
    }
}
