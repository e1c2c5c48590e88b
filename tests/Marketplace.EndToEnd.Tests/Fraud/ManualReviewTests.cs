using System.Net.Http.Headers;
using System.Text.Json;
using Marketplace.Testing;
using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Fraud;

/// <summary>
/// A platform's operator places a payment in review by hand, through the gateway: Fraud opens a manual review, Payments
/// shows it on the charge, and refunding the charge closes it as Radar closes a review of a refunded payment.
/// </summary>
public sealed class ManualReviewTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AManualReview_ShowsOnTheCharge_AndARefundClosesIt()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var stripe = RunningPlatform.Stripe(platform.SecretKey);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions { Amount = 3_000, Currency = "eur", PaymentMethod = "pm_card_fr", Confirm = true });
        using var http = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.SecretKey);

        using var placed = await http.PostAsync("/v1/reviews", new FormUrlEncodedContent([new("charge", intent.LatestChargeId)]), Cancellation);
        var body = await placed.Content.ReadAsStringAsync(Cancellation);
        Assert.True(placed.IsSuccessStatusCode, body);
        var reviewId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        var charge = await Eventually.Until(() => stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation), c => c.ReviewId is not null);
        await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = charge.Id }, cancellationToken: Cancellation);
        var closed = await Eventually.Until(() => new ReviewService(stripe).GetAsync(reviewId, cancellationToken: Cancellation), r => !r.Open);

        Assert.Equal(reviewId, charge.ReviewId);
        Assert.Equal(reviewId, (await stripe.V1.PaymentIntents.GetAsync(intent.Id, cancellationToken: Cancellation)).ReviewId);
        Assert.Equal(("manual", "refunded"), (closed.OpenedReason, closed.ClosedReason));
    }
}
