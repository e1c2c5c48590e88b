using System.Net;
using System.Text.Json;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>
/// Our <c>setup_intent</c> has the fields of Stripe's example (<c>resources.setup_intent</c> in stripe/openapi's
/// fixtures3.json, see ../shared/stripe-reference), every field null included, and none Stripe.net's model does not know.
/// </summary>
public sealed class SetupIntentShapeTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    static readonly string[] FixtureFields =
    [
        "application", "automatic_payment_methods", "cancellation_reason", "client_secret", "created", "customer", "description",
        "excluded_payment_method_types", "flow_directions", "id", "last_setup_error", "latest_attempt", "livemode", "mandate", "metadata",
        "next_action", "object", "on_behalf_of", "payment_method", "payment_method_configuration_details", "payment_method_options",
        "payment_method_types", "single_use_mandate", "status", "usage",
    ];

    [Fact]
    public async Task SetupIntent_HasStripesFields_AndOnlyFieldsTheSdkKnows()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var ours = await Http.OkAsync(await Http.PostAsync(client, "/v1/setup_intents"));

        Assert.Subset(StripeModel.Keys(ours).ToHashSet(), FixtureFields.ToHashSet());
        Assert.Subset(StripeModel.Fields(typeof(Stripe.SetupIntent)), StripeModel.Keys(ours).ToHashSet());
        Assert.Equal("setup_intent", ours.Text("object"));
        Assert.Equal(JsonValueKind.Null, ours.GetProperty("latest_attempt").ValueKind);
        Assert.Equal(ours.GetProperty("payment_method_types").Strings(), ours.GetProperty("allowed_payment_method_types").Strings());
        Assert.Subset(StripeModel.Fields(typeof(Stripe.SetupIntentPaymentMethodOptionsCard)), StripeModel.Keys(ours.GetProperty("payment_method_options").GetProperty("card")).ToHashSet());
    }

    [Fact]
    public async Task NextActionAndLastSetupError_HaveTheSdksFields()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var waiting = await Http.OkAsync(await Http.PostAsync(
            client, "/v1/setup_intents", ("payment_method", "pm_card_authenticationRequired"), ("confirm", "true"), ("return_url", "https://shop.example/done")));
        var declined = await Http.ErrorAsync(
            await Http.PostAsync(client, "/v1/setup_intents", ("payment_method", "pm_card_chargeDeclined"), ("confirm", "true")), HttpStatusCode.PaymentRequired);

        var nextAction = waiting.GetProperty("next_action");
        Assert.Equal(["redirect_to_url", "type"], StripeModel.Keys(nextAction));
        Assert.Equal("redirect_to_url", nextAction.Text("type"));
        Assert.Equal(["return_url", "url"], StripeModel.Keys(nextAction.GetProperty("redirect_to_url")));
        var error = declined.GetProperty("setup_intent").GetProperty("last_setup_error");
        Assert.Equal(["code", "decline_code", "doc_url", "message", "payment_method", "type"], StripeModel.Keys(error));
        Assert.Subset(StripeModel.Fields(typeof(Stripe.StripeError)), StripeModel.Keys(error).ToHashSet());
        Assert.Equal("payment_method", error.GetProperty("payment_method").Text("object"));
    }
}
