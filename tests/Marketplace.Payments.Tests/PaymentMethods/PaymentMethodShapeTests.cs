using System.Text.Json;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary>
/// Our <c>payment_method</c> has the fields of Stripe's example card payment method (the field names of
/// <c>resources.payment_method</c> in stripe/openapi's fixtures3.json, see ../shared/stripe-reference) and no field
/// Stripe.net's model does not know.
/// </summary>
public sealed class PaymentMethodShapeTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    [Fact]
    public async Task CardPaymentMethod_HasStripesFieldsAndOnlyFieldsTheSdkKnows()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var ours = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_methods", ("type", "card"), ("card[token]", "tok_visa")));

        Assert.Equal(
            ["allow_redisplay", "billing_details", "card", "created", "customer", "customer_account", "id", "livemode", "metadata", "object", "type"],
            Keys(ours));
        Assert.Equal(
            ["brand", "checks", "country", "display_brand", "exp_month", "exp_year", "fingerprint", "funding", "generated_from", "last4",
                "networks", "regulated_status", "three_d_secure_usage", "wallet"],
            Keys(ours.GetProperty("card")));
        Assert.Equal(["address", "email", "name", "phone", "tax_id"], Keys(ours.GetProperty("billing_details")));
        Assert.Equal(["city", "country", "line1", "line2", "postal_code", "state"], Keys(ours.GetProperty("billing_details").GetProperty("address")));
        Assert.Equal(["address_line1_check", "address_postal_code_check", "cvc_check"], Keys(ours.GetProperty("card").GetProperty("checks")));
        Assert.Subset(StripeModelFields.Of(typeof(Stripe.PaymentMethod)), StripeModelFields.Of(ours));
        Assert.Subset(StripeModelFields.Of(typeof(Stripe.PaymentMethodCard)), StripeModelFields.Of(ours.GetProperty("card")));
    }

    static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
