using System.Text.Json;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Disputes;

/// <summary>The dispute endpoints are in the service's OpenAPI document, with the parameters they read.</summary>
public sealed class DisputeDocumentationTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    [Fact]
    public async Task Document_ListsEveryDisputeEndpointWithItsParameters()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/disputes", out _));
        Assert.True(paths.TryGetProperty("/v1/disputes/{id}/close", out _));
        var update = paths.GetProperty("/v1/disputes/{id}").GetProperty("post").GetProperty("requestBody").GetRawText();
        foreach (var parameter in new[] { "evidence", "submit", "metadata" })
        {
            Assert.Contains($"\"{parameter}\"", update, StringComparison.Ordinal);
        }
    }
}
