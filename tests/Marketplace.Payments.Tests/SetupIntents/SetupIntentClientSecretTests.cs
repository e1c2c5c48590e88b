using System.Net;
using Marketplace.Api.Context;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>Browser code holds a publishable key and the intent's client secret: the gateway lets it read and confirm, this service checks the secret.</summary>
public sealed class SetupIntentClientSecretTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APublishableKey_ReadsAndConfirms_OnlyWithTheClientSecret()
    {
        var platform = TestContexts.NewPlatform();
        using var server = service.ClientFor(platform);
        using var browser = service.ClientFor(platform with { KeyKind = ApiKeyKind.Publishable });
        var intent = await Http.OkAsync(await Http.PostAsync(server, "/v1/setup_intents", ("payment_method", "pm_card_visa")));
        var path = $"/v1/setup_intents/{intent.Id()}";

        var withoutSecret = await Http.ErrorAsync(await browser.GetAsync(path, Cancellation), HttpStatusCode.BadRequest);
        var confirmWithoutSecret = await Http.ErrorAsync(await Http.PostAsync(browser, $"{path}/confirm"), HttpStatusCode.BadRequest);
        var confirmWithAnotherSecret = await Http.ErrorAsync(
            await Http.PostAsync(browser, $"{path}/confirm", ("client_secret", $"{intent.Id()}_secret_guess")), HttpStatusCode.BadRequest);
        var read = await Http.OkAsync(await browser.GetAsync($"{path}?client_secret={intent.Text("client_secret")}", Cancellation));
        var confirmed = await Http.OkAsync(await Http.PostAsync(browser, $"{path}/confirm", ("client_secret", intent.Text("client_secret")!)));

        Assert.All([withoutSecret, confirmWithoutSecret, confirmWithAnotherSecret], error => Assert.Equal("client_secret", error.Text("param")));
        Assert.Equal("requires_confirmation", read.Text("status"));
        Assert.Equal("succeeded", confirmed.Text("status"));
    }
}
