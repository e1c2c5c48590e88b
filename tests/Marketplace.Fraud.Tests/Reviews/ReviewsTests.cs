using System.Net;
using System.Text.Json;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Fraud.Tests.Reviews;

/// <summary>Reviews opened by Review rules, read and approved with Stripe.net's ReviewService, announced as events.</summary>
public sealed class ReviewsTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReviewRule_OpensAReview_ThatApprovingCloses_WithOpenedAndClosedEvents()
    {
        var recorder = await EventRecorder.StartAsync(service);
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Review if :amount_in_eur: > 5000")));
        var answer = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { Amount = 900_000 });
        var reviews = new ReviewService(service.StripeFor(context));

        var review = await reviews.GetAsync(answer.ReviewId, cancellationToken: Cancellation);
        var open = await reviews.ListAsync(cancellationToken: Cancellation);
        var approved = await reviews.ApproveAsync(review.Id, cancellationToken: Cancellation);
        var openAfter = await reviews.ListAsync(cancellationToken: Cancellation);

        Assert.Equal("review", answer.Action);
        Assert.StartsWith("prv_", review.Id, StringComparison.Ordinal);
        Assert.True(review.Open);
        Assert.Equal(("rule", "rule"), (review.OpenedReason, review.Reason));
        Assert.Equal(answer.PaymentId, review.PaymentIntentId);
        Assert.Equal([review.Id], open.Data.Select(r => r.Id));
        Assert.False(approved.Open);
        Assert.Equal(("approved", "approved"), (approved.ClosedReason, approved.Reason));
        Assert.Empty(openAfter.Data);
        var events = await Eventually.Until(
            () => recorder.Events.Where(e => e.PlatformId == context.PlatformId).ToList(), list => list.Count >= 2);
        Assert.Equal(["review.opened", "review.closed"], events.OrderBy(e => e.Created).Select(e => e.Type));
        Assert.Equal(review.Id, JsonDocument.Parse(events[0].ObjectJson).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CloseReview_RefundedAsFraud_ClosesItAndBlocksTheCardAndEmailFromThenOn()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Review if :amount_in_eur: > 1000")));
        var payment = Assessor.Payment(context.PlatformId) with { Amount = 500_000 };
        var answer = await service.AssessAsync(payment);
        var bus = service.Services.GetRequiredService<IBus>();

        var endpoint = await bus.GetSendEndpoint(CloseReview.Address);
        await endpoint.Send(new CloseReview { PlatformId = context.PlatformId, PaymentId = answer.PaymentId, Reason = "refunded_as_fraud" }, Cancellation);

        var review = await Eventually.Until(
            async () => await Http.OkAsync(await client.GetAsync($"/v1/reviews/{answer.ReviewId}", Cancellation)),
            json => !json.GetProperty("open").GetBoolean());
        Assert.Equal("refunded_as_fraud", review.Text("closed_reason"));
        var sameCard = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { CardFingerprint = payment.CardFingerprint, Email = "other@example.com" });
        var sameEmail = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { Email = payment.Email });
        Assert.Equal(("block", "rule_default_block_card_fingerprint"), (sameCard.Action, sameCard.Rule?.Id));
        Assert.Equal(("block", "rule_default_block_email"), (sameEmail.Action, sameEmail.Rule?.Id));
    }

    [Fact]
    public async Task Approve_AReviewAlreadyClosed_Is400()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Review if :card_country: = 'FR'")));
        var answer = await service.AssessAsync(Assessor.Payment(context.PlatformId));
        await Http.OkAsync(await client.PostAsync($"/v1/reviews/{answer.ReviewId}/approve", null, Cancellation));

        await Http.ErrorAsync(await client.PostAsync($"/v1/reviews/{answer.ReviewId}/approve", null, Cancellation), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnotherPlatform_NeitherSeesNorApprovesTheReview()
    {
        var owner = TestContexts.NewPlatform();
        using var ownerClient = service.ClientFor(owner);
        await Http.OkAsync(await Http.PostAsync(ownerClient, "/v1/radar/rules", ("rule", "Review if :card_country: = 'FR'")));
        var answer = await service.AssessAsync(Assessor.Payment(owner.PlatformId));
        using var other = service.ClientFor(TestContexts.NewPlatform());

        await Http.ErrorAsync(await other.GetAsync($"/v1/reviews/{answer.ReviewId}", Cancellation), HttpStatusCode.NotFound);
        await Http.ErrorAsync(await other.PostAsync($"/v1/reviews/{answer.ReviewId}/approve", null, Cancellation), HttpStatusCode.NotFound);
        Assert.Empty((await Http.OkAsync(await other.GetAsync("/v1/reviews", Cancellation))).GetProperty("data").EnumerateArray());
        Assert.True((await Http.OkAsync(await ownerClient.GetAsync($"/v1/reviews/{answer.ReviewId}", Cancellation))).GetProperty("open").GetBoolean());
    }
}
