using Marketplace.Contracts.Fraud;
using MassTransit;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Fraud;

/// <summary>
/// "Block cards issued outside the EU", end to end: the list through the gateway with Stripe.net, the rule over
/// HTTP, and the assessments as Payments will ask for them, over RabbitMQ.
/// </summary>
public sealed class EuRuleTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EuRule_BlocksAUsCard_AndAllowsAFrenchCard()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        await EuRule.InstallAsync(platform);

        await using var broker = await StackBroker.StartAsync(Cancellation);
        var client = broker.Bus.CreateRequestClient<AssessPayment>(AssessPayment.Address, RequestTimeout.After(s: 30));
        var us = (await client.GetResponse<PaymentAssessed>(Payment(platform.Id, "US"), Cancellation)).Message;
        var fr = (await client.GetResponse<PaymentAssessed>(Payment(platform.Id, "FR"), Cancellation)).Message;

        Assert.Equal("block", us.Action);
        Assert.Equal(EuRule.Predicate, us.Rule?.Predicate);
        Assert.Equal(("blocked", "rule"), (us.Outcome.Type, us.Outcome.Reason));
        Assert.Equal("allow", fr.Action);
    }

    [Fact]
    public async Task ApiReference_DocumentsTheRulesApi()
    {
        using var client = new HttpClient { BaseAddress = RunningPlatform.Gateway };

        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi.json", Cancellation));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/radar/rules", out _));
        Assert.True(paths.TryGetProperty("/v1/radar/rules/test", out _));
        Assert.True(paths.TryGetProperty("/v1/radar/value_lists", out _));
    }

    static AssessPayment Payment(string platformId, string cardCountry) => new()
    {
        PaymentId = "pi_" + Guid.NewGuid().ToString("N")[..24],
        PlatformId = platformId,
        AccountId = platformId,
        Amount = 12_000,
        Currency = "eur",
        CardFingerprint = "fp_" + Guid.NewGuid().ToString("N")[..16],
        CardBin = "424242",
        CardLast4 = "4242",
        CardCountry = cardCountry,
        CardBrand = "visa",
        CardFunding = "credit",
        CvcCheck = "pass",
        IpAddress = "203.0.113.9",
        IpCountry = cardCountry,
        Email = "buyer@example.com",
    };
}
