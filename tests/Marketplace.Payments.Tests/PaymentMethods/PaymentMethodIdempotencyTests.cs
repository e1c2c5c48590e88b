using Dapper;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary>A create replayed with its Idempotency-Key behind the gateway's own check stores one method and one sealed card.</summary>
public sealed class PaymentMethodIdempotencyTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ReplayedWithTheSameKey_ReturnsTheFirstMethodAndKeepsOneVaultedCard()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var vaultedBefore = await VaultedCardsAsync();

        var first = await CreateAsync(client, "pm-create-1");
        var replay = await CreateAsync(client, "pm-create-1");

        Assert.Equal(first, replay);
        Assert.Equal(vaultedBefore + 1, await VaultedCardsAsync());
    }

    static async Task<string> CreateAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payment_methods")
        {
            Content = Http.Form(("type", "card"), ("card[number]", "4242424242424242"), ("card[exp_month]", "12"), ("card[exp_year]", $"{DateTime.UtcNow.Year + 1}")),
        };
        request.Headers.Add("Idempotency-Key", key);
        return (await Http.OkAsync(await client.SendAsync(request, Cancellation))).Id();
    }

    async Task<long> VaultedCardsAsync()
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vault_entries");
    }
}
