using Dapper;
using Marketplace.Contracts.Fraud;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Charges;

/// <summary>
/// A manual review Fraud opened shows on the charge and its payment intent, and a second one never replaces it; a
/// refund of a reviewed charge tells Fraud to close its review, one of an unreviewed charge tells no one.
/// </summary>
public sealed class ChargePlacedInReviewTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AManualReview_ShowsOnTheChargeAndItsIntent_AndALaterOneDoesNotReplaceIt()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);
        var intent = await intents.CreateAsync(new Stripe.PaymentIntentCreateOptions
        {
            Amount = 1000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true,
        }, cancellationToken: Cancellation);
        var consumed = await ConsumedAsync();

        await service.Bus.Publish(Placed(context.PlatformId, context.AccountId, intent.LatestChargeId, "prv_first"), Cancellation);
        await Eventually.Until(ConsumedAsync, n => n == consumed + 1);
        await service.Bus.Publish(Placed(context.PlatformId, context.AccountId, intent.LatestChargeId, "prv_second"), Cancellation);
        await service.Bus.Publish(Placed(TestContexts.NewPlatform().PlatformId, context.AccountId, intent.LatestChargeId, "prv_foreign"), Cancellation);
        await Eventually.Until(ConsumedAsync, n => n == consumed + 3);

        var charge = await service.ChargesFor(context).GetAsync(intent.LatestChargeId, cancellationToken: Cancellation);
        var reviewed = await intents.GetAsync(intent.Id, cancellationToken: Cancellation);
        Assert.Equal("succeeded", charge.Status);
        Assert.Equal(("prv_first", "prv_first"), (charge.ReviewId, reviewed.ReviewId));
    }

    [Fact]
    public async Task ARefund_OfAReviewedCharge_ClosesItsReview_AsFraudWhenSaid()
    {
        var context = TestContexts.NewPlatform();
        var reviewed = await PaidAsync(context);
        var unreviewed = await PaidAsync(context);
        var consumed = await ConsumedAsync();
        await service.Bus.Publish(Placed(context.PlatformId, context.AccountId, reviewed, "prv_refunded"), Cancellation);
        await Eventually.Until(ConsumedAsync, n => n == consumed + 1);

        var refunds = service.RefundsFor(context);
        await refunds.CreateAsync(new Stripe.RefundCreateOptions { Charge = unreviewed, Reason = "fraudulent" }, cancellationToken: Cancellation);
        await refunds.CreateAsync(new Stripe.RefundCreateOptions { Charge = reviewed, Reason = "fraudulent" }, cancellationToken: Cancellation);

        var closed = await Eventually.Until(() => service.Fraud.ClosedReviews.SingleOrDefault(c => c.PaymentId == reviewed), c => c is not null);
        Assert.Equal((context.PlatformId, "refunded_as_fraud"), (closed!.PlatformId, closed.Reason));
        Assert.DoesNotContain(service.Fraud.ClosedReviews, c => c.PaymentId == unreviewed);
    }

    async Task<string> PaidAsync(Marketplace.Api.Context.RequestContext context) =>
        (await service.PaymentIntentsFor(context).CreateAsync(new Stripe.PaymentIntentCreateOptions
        {
            Amount = 1000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true,
        }, cancellationToken: Cancellation)).LatestChargeId;

    static ChargePlacedInReview Placed(string platformId, string accountId, string chargeId, string reviewId) =>
        new() { PlatformId = platformId, AccountId = accountId, ChargeId = chargeId, ReviewId = reviewId };

    async Task<long> ConsumedAsync()
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer_id LIKE '%ChargePlacedInReview%'");
    }
}
