using System.Net.Http.Headers;
using Marketplace.Testing;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>
/// A full card number paid with goes through the whole stack — Payments, Fraud, the Ledger, Webhooks — and is found in
/// clear in no response, no event, no log line and no database column.
/// </summary>
public sealed class CardSecrecyTests
{
    const string Number = "4000056655665556";

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACardNumberPaidWith_AppearsInNoResponseEventLogOrDatabase()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        using var http = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.SecretKey);
        var responses = new List<string>();
        async Task<System.Text.Json.JsonElement> PostAsync(string path, params (string, string)[] fields)
        {
            using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))), Cancellation);
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            responses.Add(body);
            Assert.True(response.IsSuccessStatusCode, body);
            return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
        }

        var method = await PostAsync("/v1/payment_methods", ("type", "card"), ("card[number]", Number), ("card[exp_month]", "12"),
            ("card[exp_year]", $"{DateTime.UtcNow.Year + 2}"), ("card[cvc]", "123"));
        var intent = await PostAsync("/v1/payment_intents", ("amount", "2500"), ("currency", "eur"), ("confirm", "true"),
            ("payment_method", method.GetProperty("id").GetString()!), ("expand[]", "latest_charge"));
        await PostAsync("/v1/refunds", ("payment_intent", intent.GetProperty("id").GetString()!), ("amount", "500"));
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        responses.Add(await http.GetStringAsync("/v1/events?limit=100", Cancellation));

        Assert.Equal("succeeded", intent.GetProperty("status").GetString());
        Assert.Equal("5556", intent.GetProperty("latest_charge").GetProperty("payment_method_details").GetProperty("card").GetProperty("last4").GetString());
        Assert.All(responses, body => Assert.DoesNotContain(Number, body, StringComparison.Ordinal));
        foreach (var database in new[] { "payments", "fraud", "ledger", "webhooks" })
        {
            await using var source = RunningPlatform.Database(database);
            // The search does read the payment's rows: each of these databases holds the charge in some form.
            var charge = intent.GetProperty("latest_charge").GetProperty("id").GetString()!;
            Assert.NotEmpty(await DatabaseSearch.TablesContainingAsync(source, charge, Cancellation));
            Assert.Empty(await DatabaseSearch.TablesContainingAsync(source, Number, Cancellation));
        }

        foreach (var log in Directory.EnumerateFiles(RunningPlatform.LogsDirectory, "*.log"))
        {
            using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            Assert.DoesNotContain(Number, await reader.ReadToEndAsync(Cancellation), StringComparison.Ordinal);
        }
    }
}
