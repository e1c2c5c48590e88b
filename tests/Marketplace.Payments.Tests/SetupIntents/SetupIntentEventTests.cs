using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>What a confirm that waits for the payer announces, in the transaction that made the change.</summary>
public sealed class SetupIntentEventTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfirmThatNeedsAuthentication_AnnouncesRequiresAction_WithTheIntentExactlyAsTheResponseShowsIt()
    {
        var context = TestContexts.NewPlatform();

        var intent = await service.SetupIntentsFor(context).CreateAsync(new SetupIntentCreateOptions
        {
            PaymentMethod = "pm_card_authenticationRequiredOnSetup",
            Confirm = true,
            ReturnUrl = "https://shop.example/done",
        }, cancellationToken: Cancellation);

        var events = await Rows.EventsAsync(service.Database, context.AccountId, intent.Id);
        Assert.Equal(["setup_intent.created", "setup_intent.requires_action"], events.Select(e => e.Type));
        var announced = System.Text.Json.JsonDocument.Parse(events[1].ObjectJson).RootElement;
        Assert.Equal(intent.RawJsonElement!.Value.ToString(), announced.ToString());
        Assert.All(events, e => Assert.Equal(context.RequestId, e.RequestId));
    }
}
