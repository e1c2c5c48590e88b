using System.Text.Json;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Refunds;

/// <summary>The refund endpoints are in the service's OpenAPI document, with the parameters they read.</summary>
public sealed class RefundDocumentationTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    [Fact]
    public async Task Document_ListsEveryRefundEndpointWithItsParameters()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/v1/refunds", "/v1/refunds/{id}", "/v1/refunds/{id}/cancel", "/v1/charges/{charge}/refunds", "/v1/charges/{charge}/refunds/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        }

        var create = paths.GetProperty("/v1/refunds").GetProperty("post").GetProperty("requestBody").GetRawText();
        foreach (var parameter in new[] { "charge", "payment_intent", "amount", "reason", "reverse_transfer", "refund_application_fee", "metadata" })
        {
            Assert.Contains($"\"{parameter}\"", create, StringComparison.Ordinal);
        }
    }
}
