using System.Net.Http.Headers;
using System.Text.Json;
using Stripe;
using Marketplace.Testing;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>What a platform developer relies on beyond the happy path: object shapes, events, retries and racing confirms.</summary>
public sealed class PaymentIntentBehaviourTests
{
    static readonly string[] DocumentedPaths =
    [
        "/v1/payment_intents", "/v1/payment_intents/{id}/confirm", "/v1/payment_intents/{id}/capture", "/v1/payment_intents/{id}/cancel",
        "/v1/charges/{id}", "/v1/refunds", "/v1/disputes/{id}", "/v1/setup_intents",
    ];

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APaymentIntentAndItsCharge_HaveOnlyFieldsTheSdkKnows_AndStripesExampleFields()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var stripe = RunningPlatform.Stripe(platform.SecretKey);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true });
        using var http = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.SecretKey);

        using var ours = JsonDocument.Parse(await http.GetStringAsync($"/v1/payment_intents/{intent.Id}", Cancellation));
        using var charge = JsonDocument.Parse(await http.GetStringAsync($"/v1/charges/{intent.LatestChargeId}", Cancellation));

        Assert.Subset(StripeModelFields.Of(typeof(PaymentIntent)), StripeModelFields.Of(ours.RootElement));
        Assert.Subset(StripeModelFields.Of(typeof(Charge)), StripeModelFields.Of(charge.RootElement));
        Assert.Subset(StripeModelFields.Of(typeof(ChargeOutcome)), StripeModelFields.Of(charge.RootElement.GetProperty("outcome")));
        Assert.Subset(StripeModelFields.Of(typeof(ChargePaymentMethodDetailsCard)),
            StripeModelFields.Of(charge.RootElement.GetProperty("payment_method_details").GetProperty("card")));
        // Stripe's own example objects (../shared/stripe-reference) name these; the amount_details, managed_payments and
        // payment_details of newer API versions are not offered.
        Assert.Subset(StripeModelFields.Of(ours.RootElement), new HashSet<string> { "amount", "amount_capturable", "amount_received", "application_fee_amount",
            "canceled_at", "capture_method", "client_secret", "confirmation_method", "created", "currency", "customer", "last_payment_error",
            "latest_charge", "metadata", "next_action", "on_behalf_of", "payment_method", "payment_method_types", "status", "transfer_data",
            "transfer_group", "review", "setup_future_usage", "livemode" });
        Assert.Subset(StripeModelFields.Of(charge.RootElement), new HashSet<string> { "amount_captured", "amount_refunded", "balance_transaction", "billing_details",
            "captured", "disputed", "failure_code", "outcome", "paid", "payment_intent", "payment_method_details", "refunded", "status", "transfer_data" });
    }

    [Fact]
    public async Task ASucceededPayment_IsAnnouncedOnceAsPaymentIntentAndChargeEvents()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true });

        List<Event> events = [];
        for (var attempt = 0; attempt < 100 && events.Count < 3; attempt++)
        {
            await Task.Delay(100, Cancellation);
            events = (await stripe.V1.Events.ListAsync(new EventListOptions { Limit = 100 }, cancellationToken: Cancellation)).Data;
        }

        Assert.Equal(["charge.succeeded", "payment_intent.created", "payment_intent.succeeded"], events.Select(e => e.Type).Order());
        var succeeded = (PaymentIntent)events.Single(e => e.Type == "payment_intent.succeeded").Data.Object;
        Assert.Equal((intent.Id, "succeeded"), (succeeded.Id, succeeded.Status));
    }

    [Fact]
    public async Task ACreateRetriedWithItsIdempotencyKey_PaysOnce()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var options = new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true };
        var request = new RequestOptions { IdempotencyKey = "order-1234-pay" };

        var first = await stripe.V1.PaymentIntents.CreateAsync(options, request, Cancellation);
        var again = await stripe.V1.PaymentIntents.CreateAsync(options, request, Cancellation);

        Assert.Equal(first.Id, again.Id);
        Assert.Single((await stripe.V1.PaymentIntents.ListAsync(cancellationToken: Cancellation)).Data);
        Assert.Single((await stripe.V1.Charges.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task ConfirmsRacingEachOther_StartOneAttempt()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey, maxNetworkRetries: 0);
        var intent = await stripe.V1.PaymentIntents.CreateAsync(
            new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_visa" }, cancellationToken: Cancellation);

        var confirms = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                return (await stripe.V1.PaymentIntents.ConfirmAsync(intent.Id, cancellationToken: Cancellation)).Status;
            }
            catch (StripeException e)
            {
                return e.StripeError.Code;
            }
        }));

        Assert.Single(confirms, c => c == "succeeded");
        Assert.All(confirms.Where(c => c != "succeeded"), c => Assert.Equal("payment_intent_unexpected_state", c));
        Assert.Single((await stripe.V1.Charges.ListAsync(new ChargeListOptions { PaymentIntent = intent.Id }, cancellationToken: Cancellation)).Data);
        var total = await BalanceAsync(stripe, "usd");
        Assert.True(total.Pending is > 0 and < 2_000, $"pending {total.Pending}");
    }

    [Fact]
    public async Task TheApiReference_DocumentsThePaymentEndpoints()
    {
        using var client = new HttpClient { BaseAddress = RunningPlatform.Gateway };

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi.json", Cancellation));

        var paths = document.RootElement.GetProperty("paths");
        Assert.All(DocumentedPaths, path => Assert.True(paths.TryGetProperty(path, out _), path));
    }

    [Fact]
    public async Task APublishableKey_ReadsAPaymentIntentOnlyWithItsClientSecret()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var intent = await RunningPlatform.Stripe(platform.SecretKey).V1.PaymentIntents.CreateAsync(
            new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd" }, cancellationToken: Cancellation);
        var browser = RunningPlatform.Stripe(platform.PublishableKey);

        var withSecret = await browser.V1.PaymentIntents.GetAsync(intent.Id, new PaymentIntentGetOptions { ClientSecret = intent.ClientSecret },
            cancellationToken: Cancellation);
        var without = await Assert.ThrowsAsync<StripeException>(() => browser.V1.PaymentIntents.GetAsync(intent.Id, cancellationToken: Cancellation));
        var wrong = await Assert.ThrowsAsync<StripeException>(() => browser.V1.PaymentIntents.GetAsync(intent.Id,
            new PaymentIntentGetOptions { ClientSecret = intent.ClientSecret + "x" }, cancellationToken: Cancellation));

        Assert.Equal(intent.Id, withSecret.Id);
        Assert.Equal(("invalid_request_error", "client_secret"), (without.StripeError.Type, without.StripeError.Param));
        Assert.Equal("client_secret", wrong.StripeError.Param);
    }
}
