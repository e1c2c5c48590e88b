using System.Net;
using Dapper;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>Requests Stripe refuses are refused with its error object, and change nothing.</summary>
public sealed class SetupIntentBadInputTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string[], string> Refused => new()
    {
        { ["usage", "sometimes"], "usage" },
        { ["return_url", "https://shop.example/done"], "return_url" },
        { ["confirm", "true"], "payment_method" },
        { ["payment_method_types[0]", "card", "allowed_payment_method_types[0]", "card"], "allowed_payment_method_types" },
        { ["payment_method_types[0]", "alipay"], "payment_method_types[0]" },
        { ["payment_method_types[0]", "card", "automatic_payment_methods[enabled]", "true"], "automatic_payment_methods" },
        { ["flow_directions[0]", "sideways"], "flow_directions[0]" },
        { ["customer", "cus_missing"], "customer" },
        { ["payment_method", "pm_missing"], "payment_method" },
        { ["single_use[amount]", "1000"], "single_use[currency]" },
        { ["confirm", "true", "payment_method", "pm_card_visa", "return_url", "not a url"], "return_url" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Create_WithBadInput_IsAnInvalidRequestNamingTheParameter_AndCreatesNothing(string[] fields, string param)
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);

        var response = await Http.PostAsync(client, "/v1/setup_intents", Pairs(fields));
        var error = await Http.ErrorAsync(response, response.StatusCode is HttpStatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal(param, error.Text("param"));
        Assert.Equal(0, await CountAsync(context.AccountId));
        Assert.Empty(await Rows.EventsAsync(service.Database, context.AccountId));
    }

    [Fact]
    public async Task Confirm_WithAMethodOfADisallowedType_IsRefused_AndLeavesTheIntentAsItWas()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var intent = await Http.OkAsync(await Http.PostAsync(client, "/v1/setup_intents", ("payment_method_types[0]", "card")));
        var ideal = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_methods", ("type", "ideal")));

        var error = await Http.ErrorAsync(
            await Http.PostAsync(client, $"/v1/setup_intents/{intent.Id()}/confirm", ("payment_method", ideal.Id()), ("return_url", "https://shop.example/done")),
            HttpStatusCode.BadRequest);
        var after = await Http.OkAsync(await client.GetAsync($"/v1/setup_intents/{intent.Id()}", Cancellation));

        Assert.Equal("payment_method", error.Text("param"));
        Assert.Equal("requires_payment_method", after.Text("status"));
        Assert.Null(after.Text("payment_method"));
    }

    [Fact]
    public async Task Confirm_ARedirectMethodWithoutAReturnUrl_IsRefused()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var intent = await Http.OkAsync(await Http.PostAsync(client, "/v1/setup_intents"));
        var paypal = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_methods", ("type", "paypal")));

        var error = await Http.ErrorAsync(
            await Http.PostAsync(client, $"/v1/setup_intents/{intent.Id()}/confirm", ("payment_method", paypal.Id())), HttpStatusCode.BadRequest);

        Assert.Equal("return_url", error.Text("param"));
    }

    [Fact]
    public async Task Confirm_AnotherCustomersMethod_IsRefused()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var owner = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers"));
        var other = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers"));
        var method = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_methods/pm_card_visa/attach", ("customer", owner.Id())));
        var intent = await Http.OkAsync(await Http.PostAsync(client, "/v1/setup_intents", ("customer", other.Id())));

        var error = await Http.ErrorAsync(
            await Http.PostAsync(client, $"/v1/setup_intents/{intent.Id()}/confirm", ("payment_method", method.Id())), HttpStatusCode.BadRequest);

        Assert.Equal("payment_method", error.Text("param"));
        Assert.Equal(["setup_intent.created"], (await Rows.EventsAsync(service.Database, context.AccountId, intent.Id())).Select(e => e.Type));
    }

    static IEnumerable<(string, string)> Pairs(string[] fields) => fields.Chunk(2).Select(pair => (pair[0], pair[1]));

    async Task<long> CountAsync(string accountId)
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM setup_intents WHERE account_id = @accountId", new { accountId });
    }
}
