using System.Net;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>A setup intent belongs to the account the request acted on: any other, the platform's connected accounts included, cannot see or touch it.</summary>
public sealed class SetupIntentScopingTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnIntentOfOneAccount_IsMissingForAnother()
    {
        var platform = TestContexts.NewPlatform();
        var connected = platform.OnConnectedAccount(Marketplace.Data.PrefixedId.New("acct"));
        using var owner = service.ClientFor(connected);
        using var stranger = service.ClientFor(platform);
        var intent = await Http.OkAsync(await Http.PostAsync(owner, "/v1/setup_intents", ("payment_method", "pm_card_visa")));

        var retrieve = await stranger.GetAsync($"/v1/setup_intents/{intent.Id()}", Cancellation);
        var confirm = await Http.PostAsync(stranger, $"/v1/setup_intents/{intent.Id()}/confirm");
        var cancel = await Http.PostAsync(stranger, $"/v1/setup_intents/{intent.Id()}/cancel");
        var update = await Http.PostAsync(stranger, $"/v1/setup_intents/{intent.Id()}", ("description", "mine now"));
        var list = await Http.OkAsync(await stranger.GetAsync("/v1/setup_intents", Cancellation));
        var after = await Http.OkAsync(await owner.GetAsync($"/v1/setup_intents/{intent.Id()}", Cancellation));

        Assert.All([retrieve, confirm, cancel, update], response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Empty(list.GetProperty("data").EnumerateArray());
        Assert.Equal(("requires_confirmation", null), (after.Text("status"), after.Text("description")));
    }

    [Fact]
    public async Task AMethodOfAnotherAccount_CannotBeSetUp()
    {
        var first = TestContexts.NewPlatform();
        using var owner = service.ClientFor(first);
        using var other = service.ClientFor(TestContexts.NewPlatform());
        var method = await Http.OkAsync(await owner.GetAsync("/v1/payment_methods/pm_card_visa", Cancellation));

        var response = await Http.PostAsync(other, "/v1/setup_intents", ("payment_method", method.Id()), ("confirm", "true"));

        Assert.Equal("payment_method", (await Http.ErrorAsync(response, HttpStatusCode.NotFound)).Text("param"));
    }
}
