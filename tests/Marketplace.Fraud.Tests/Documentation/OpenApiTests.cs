using System.Text.Json;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Fraud.Tests.Documentation;

/// <summary>The service describes its /v1 surface, our rules extension included, for the gateway's merged reference.</summary>
public sealed class OpenApiTests(FraudService service) : IClassFixture<FraudService>
{
    [Fact]
    public async Task Document_ListsEveryFraudEndpointWithItsParameters()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/v1/radar/rules", "/v1/radar/rules/{id}", "/v1/radar/rules/test", "/v1/radar/value_lists", "/v1/radar/value_lists/{id}",
            "/v1/radar/value_list_items", "/v1/radar/value_list_items/{id}", "/v1/reviews", "/v1/reviews/{id}", "/v1/reviews/{id}/approve",
            "/v1/radar/early_fraud_warnings", "/v1/radar/early_fraud_warnings/{id}",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        }

        var create = paths.GetProperty("/v1/radar/rules").GetProperty("post");
        Assert.Contains("rule", create.GetProperty("requestBody").GetRawText(), StringComparison.Ordinal);
    }
}
