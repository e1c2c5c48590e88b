using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>A create replayed with its Idempotency-Key behind the gateway's own check makes one intent, one attempt and one set of events.</summary>
public sealed class SetupIntentIdempotencyTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ReplayedWithTheSameKey_ReturnsTheFirstIntent_AndConfirmsOnce()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);

        var first = await CreateAsync(client, "seti-create-1");
        var replay = await CreateAsync(client, "seti-create-1");
        var other = await CreateAsync(client, "seti-create-2");

        Assert.Equal(first.Id(), replay.Id());
        Assert.Equal(first.Text("payment_method"), replay.Text("payment_method"));
        Assert.NotEqual(first.Id(), other.Id());
        Assert.Equal(["setup_intent.created", "setup_intent.succeeded"], (await Rows.EventsAsync(service.Database, context.AccountId, first.Id())).Select(e => e.Type));
        var list = await Http.OkAsync(await client.GetAsync("/v1/setup_intents", Cancellation));
        Assert.Equal(2, list.GetProperty("data").GetArrayLength());
    }

    static async Task<System.Text.Json.JsonElement> CreateAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/setup_intents")
        {
            Content = Http.Form(("payment_method", "pm_card_visa"), ("confirm", "true")),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await Http.OkAsync(await client.SendAsync(request, Cancellation));
    }
}
