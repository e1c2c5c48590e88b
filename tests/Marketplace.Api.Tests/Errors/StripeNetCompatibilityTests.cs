using System.Net;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Tests.Errors;

/// <summary>Calls an in-process endpoint through Stripe.net 53.1.0 itself, as a user's integration would.</summary>
public sealed class StripeNetCompatibilityTests
{
    [Fact]
    public async Task UnknownParameter_SeenThroughStripeNet_IsAnInvalidRequestWithItsParam()
    {
        await using var host = await ApiHost.StartAsync(app => app.MapPost("/v1/customers", async (HttpRequest request) =>
        {
            var parameters = await ParameterReader.ReadAsync(request);
            parameters.GetString("email");
            return parameters.Complete() is { } error ? error.ToResult() : Results.Ok();
        }));
        var options = new Stripe.CustomerCreateOptions { Email = "jenny@example.com" };
        options.AddExtraParam("foo", "bar");

        var exception = await Assert.ThrowsAsync<Stripe.StripeException>(() =>
            new Stripe.CustomerService(host.StripeClient()).CreateAsync(options, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, exception.HttpStatusCode);
        Assert.Equal("invalid_request_error", exception.StripeError.Type);
        Assert.Equal("parameter_unknown", exception.StripeError.Code);
        Assert.Equal("foo", exception.StripeError.Param);
        Assert.Equal("Received unknown parameter: foo", exception.StripeError.Message);
        Assert.Equal("Received unknown parameter: foo", exception.Message);
    }

    [Fact]
    public async Task CardError_SeenThroughStripeNet_CarriesTheDeclineCode()
    {
        await using var host = await ApiHost.StartAsync(app => app.MapPost("/v1/payment_intents", () =>
            StripeError.Card("Your card has insufficient funds.", "card_declined", "insufficient_funds").ToResult()));

        var exception = await Assert.ThrowsAsync<Stripe.StripeException>(() =>
            new Stripe.PaymentIntentService(host.StripeClient()).CreateAsync(
                new Stripe.PaymentIntentCreateOptions { Amount = 2000, Currency = "usd" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.PaymentRequired, exception.HttpStatusCode);
        Assert.Equal("card_error", exception.StripeError.Type);
        Assert.Equal("insufficient_funds", exception.StripeError.DeclineCode);
    }

    [Fact]
    public async Task FormStripeNetSends_ParsesIntoTheParametersItMeant()
    {
        Dictionary<string, object?> seen = [];
        await using var host = await ApiHost.StartAsync(app => app.MapPost("/v1/payment_intents", async (HttpRequest request) =>
        {
            var parameters = await ParameterReader.ReadAsync(request);
            seen["amount"] = parameters.GetRequiredLong("amount");
            seen["currency"] = parameters.GetRequiredString("currency");
            seen["metadata"] = parameters.GetHash("metadata");
            seen["expand"] = parameters.GetStringList("expand");
            seen["types"] = parameters.GetStringList("allowed_payment_method_types");
            var card = parameters.GetObject("payment_method_options")?.GetObject("card");
            seen["capture_method"] = card?.GetEnum("capture_method", "automatic", "manual");
            seen["capture"] = parameters.GetBoolean("confirm");
            if (parameters.Complete() is { } error)
            {
                return error.ToResult();
            }

            return Results.Text("""{"id":"pi_123","object":"payment_intent","amount":2000,"currency":"usd","livemode":false}""", "application/json");
        }));
        var options = new Stripe.PaymentIntentCreateOptions
        {
            Amount = 2000,
            Currency = "usd",
            Confirm = false,
            Metadata = new Dictionary<string, string> { ["order id"] = "42 & more", ["café"] = "€" },
            AllowedPaymentMethodTypes = ["card", "sepa_debit"],
            PaymentMethodOptions = new Stripe.PaymentIntentPaymentMethodOptionsOptions
            {
                Card = new Stripe.PaymentIntentPaymentMethodOptionsCardOptions { CaptureMethod = "manual" },
            },
            Expand = ["customer", "latest_charge"],
        };

        var intent = await new Stripe.PaymentIntentService(host.StripeClient()).CreateAsync(options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("pi_123", intent.Id);
        Assert.Equal(2000L, seen["amount"]);
        Assert.Equal("usd", seen["currency"]);
        var metadata = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(seen["metadata"]);
        Assert.Equal("42 & more", metadata["order id"]);
        Assert.Equal("€", metadata["café"]);
        Assert.Equal(["customer", "latest_charge"], Assert.IsAssignableFrom<IReadOnlyList<string>>(seen["expand"]));
        Assert.Equal(["card", "sepa_debit"], Assert.IsAssignableFrom<IReadOnlyList<string>>(seen["types"]));
        Assert.Equal("manual", seen["capture_method"]);
        Assert.Equal(false, seen["capture"]);
    }
}
