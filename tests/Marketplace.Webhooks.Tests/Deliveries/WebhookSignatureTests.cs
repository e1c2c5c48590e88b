using Marketplace.Webhooks.Deliveries;

namespace Marketplace.Webhooks.Tests.Deliveries;

public sealed class WebhookSignatureTests
{
    const string Secret = "whsec_0123456789abcdefghijklmnopqrstuv";

    const string Payload =
        """{"id":"evt_1","object":"event","account":null,"api_version":"2026-10-28.endive","context":null,"created":1767225600,"data":{"object":{"id":"cus_1","object":"customer"}},"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"customer.created"}""";

    [Fact]
    public void Signature_IsWhatStripeNetVerifies()
    {
        var header = WebhookSignature.Create(Secret, DateTimeOffset.UtcNow, Payload);

        var verified = Stripe.EventUtility.ConstructEvent(Payload, header, Secret);

        Assert.Equal("evt_1", verified.Id);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
    }

    [Fact]
    public void Signature_WithAnotherSecret_OrAnotherPayload_OrTooOld_IsRefused()
    {
        var now = WebhookSignature.Create(Secret, DateTimeOffset.UtcNow, Payload);
        var old = WebhookSignature.Create(Secret, DateTimeOffset.UtcNow.AddMinutes(-6), Payload);

        Assert.Throws<Stripe.StripeException>(() => Stripe.EventUtility.ConstructEvent(Payload, now, Secret + "x"));
        Assert.Throws<Stripe.StripeException>(() => Stripe.EventUtility.ConstructEvent(Payload.Replace("cus_1", "cus_2", StringComparison.Ordinal), now, Secret));
        Assert.Throws<Stripe.StripeException>(() => Stripe.EventUtility.ConstructEvent(Payload, old, Secret));
    }
}
