using System.Collections.Concurrent;
using System.Net;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Fraud.Tests.Reviews;

/// <summary>
/// A platform's operator places a payment Radar let through in review by hand (<c>POST /v1/reviews</c>): a review with
/// reason <c>manual</c>, announced, and Payments told to show it on the charge; once per payment, never a blocked one,
/// never another platform's.
/// </summary>
public sealed class ManualReviewTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlacingAnAllowedChargeInReview_OpensAManualReview_AnnouncedAndSentToPayments()
    {
        var placed = new ConcurrentQueue<ChargePlacedInReview>();
        var handle = service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("fraud-tests-charge-placed-in-review", endpoint =>
            endpoint.Handler<ChargePlacedInReview>(context =>
            {
                placed.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await handle.Ready;
        var recorder = await EventRecorder.StartAsync(service);
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var answer = await service.AssessAsync(Assessor.Payment(context.PlatformId, Marketplace.Data.PrefixedId.New("ch")));

        var review = await Http.OkAsync(await Http.PostAsync(client, "/v1/reviews", ("charge", answer.PaymentId)));
        var again = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/reviews", ("charge", answer.PaymentId)), HttpStatusCode.BadRequest);

        Assert.Equal("allow", answer.Action);
        Assert.Equal((answer.PaymentId, "manual", "manual", true), (review.Text("charge"), review.Text("opened_reason"), review.Text("reason"),
            review.GetProperty("open").GetBoolean()));
        Assert.Equal("charge", again.Text("param"));
        var listed = await new ReviewService(service.StripeFor(context)).ListAsync(cancellationToken: Cancellation);
        Assert.Equal([review.Id()], listed.Data.Select(r => r.Id));
        var told = await Eventually.Until(() => placed.SingleOrDefault(p => p.ChargeId == answer.PaymentId), p => p is not null);
        Assert.Equal((context.PlatformId, context.AccountId, review.Id()), (told!.PlatformId, told.AccountId, told.ReviewId));
        var opened = await Eventually.Until(() => recorder.Events.Where(e => e.PlatformId == context.PlatformId).ToList(), list => list.Count > 0);
        Assert.Equal("review.opened", Assert.Single(opened).Type);
    }

    [Fact]
    public async Task ABlockedCharge_AnUnknownOne_OrAnotherPlatforms_CannotBePlacedInReview()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Block if :card_country: = 'FR'")));
        var blocked = await service.AssessAsync(Assessor.Payment(context.PlatformId, Marketplace.Data.PrefixedId.New("ch")));
        var otherPlatform = TestContexts.NewPlatform();
        var theirs = await service.AssessAsync(Assessor.Payment(otherPlatform.PlatformId, Marketplace.Data.PrefixedId.New("ch")));

        var ofABlocked = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/reviews", ("charge", blocked.PaymentId)), HttpStatusCode.BadRequest);
        var ofAnUnknown = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/reviews", ("charge", "ch_unknown")), HttpStatusCode.NotFound);
        var ofTheirs = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/reviews", ("charge", theirs.PaymentId)), HttpStatusCode.NotFound);
        var withoutCharge = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/reviews"), HttpStatusCode.BadRequest);

        Assert.Equal("block", blocked.Action);
        Assert.All([ofABlocked, ofAnUnknown, ofTheirs, withoutCharge], error => Assert.Equal("charge", error.Text("param")));
        Assert.Equal("parameter_missing", withoutCharge.Text("code"));
        Assert.Empty((await Http.OkAsync(await client.GetAsync("/v1/reviews", Cancellation))).GetProperty("data").EnumerateArray());
        using var theirClient = service.ClientFor(otherPlatform);
        Assert.Empty((await Http.OkAsync(await theirClient.GetAsync("/v1/reviews", Cancellation))).GetProperty("data").EnumerateArray());
    }
}
