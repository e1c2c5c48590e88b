using Dapper;
using Marketplace.Payments.Tests.Support;
using Marketplace.Payments.Vault;

namespace Marketplace.Payments.Tests.Vault;

/// <summary>
/// A full card number goes into the vault and nowhere else: not in any response, not in any event waiting in the
/// outbox, not in any database column in clear, not in any log line.
/// </summary>
public sealed class CardNumberSecrecyTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    const string Number = "4000002500000003";
    const string InvalidNumber = "4000002500000004";

    [Fact]
    public async Task CardLifecycle_NumberAppearsInNoResponseEventColumnOrLog()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var responses = new List<string>();
        async Task<string> SendAsync(string path, params (string, string)[] fields)
        {
            using var response = await Http.PostAsync(client, path, fields);
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            responses.Add(body);
            return body;
        }

        var customer = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("email", "jenny@example.com")))).Id();
        var created = System.Text.Json.JsonDocument.Parse(await SendAsync("/v1/payment_methods",
            ("type", "card"), ("card[number]", Number), ("card[exp_month]", "12"), ("card[exp_year]", $"{DateTime.UtcNow.Year + 2}"),
            ("card[cvc]", "123"), ("metadata[note]", "secrecy"))).RootElement.Id();
        await SendAsync($"/v1/payment_methods/{created}/attach", ("customer", customer));
        await SendAsync($"/v1/payment_methods/{created}", ("metadata[more]", "x"));
        await SendAsync($"/v1/payment_methods/{created}/detach");
        var invalid = await SendAsync("/v1/payment_methods",
            ("type", "card"), ("card[number]", InvalidNumber), ("card[exp_month]", "12"), ("card[exp_year]", $"{DateTime.UtcNow.Year + 2}"));
        using (var retrieved = await client.GetAsync($"/v1/payment_methods/{created}", Cancellation))
        {
            responses.Add(await retrieved.Content.ReadAsStringAsync(Cancellation));
        }

        Assert.Contains("incorrect_number", invalid);
        Assert.All(responses, body => Assert.DoesNotContain(Number, body));
        Assert.All(responses, body => Assert.DoesNotContain(InvalidNumber, body));
        var events = await Rows.EventsAsync(service.Database, context.AccountId);
        Assert.Equal(["customer.created", "payment_method.attached", "payment_method.updated", "payment_method.detached"], events.Select(e => e.Type));
        Assert.NotEmpty(await DatabaseSearch.TablesContainingAsync(service.Database, created, Cancellation));
        Assert.Empty(await DatabaseSearch.TablesContainingAsync(service.Database, Number, Cancellation));
        Assert.Empty(await DatabaseSearch.TablesContainingAsync(service.Database, InvalidNumber, Cancellation));
        Assert.DoesNotContain(Number, service.Logs.Text);
        Assert.DoesNotContain(InvalidNumber, service.Logs.Text);
        Assert.Equal(Number, await OpenVaultedNumberAsync(created));
    }

    /// <summary>The number is really there, sealed: the vault row of the method opens to it under the service's key.</summary>
    async Task<string> OpenVaultedNumberAsync(string paymentMethodId)
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        var row = await connection.QuerySingleAsync(
            """
            SELECT v.sealed_data_key, v.sealed_number FROM vault_entries v
            JOIN payment_methods p ON p.vault_entry_id = v.id WHERE p.id = @paymentMethodId
            """,
            new { paymentMethodId });
        return new CardVault(PaymentsService.VaultKey).Open(new SealedCard((byte[])row.sealed_data_key, (byte[])row.sealed_number));
    }
}
