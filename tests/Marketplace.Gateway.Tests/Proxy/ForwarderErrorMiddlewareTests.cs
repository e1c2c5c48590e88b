using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Gateway.RequestIds;

namespace Marketplace.Gateway.Tests.Proxy;

public sealed class ForwarderErrorMiddlewareTests(GatewayWithPayoutsDownFixture gateway)
{
    [Theory]
    [InlineData("GET", "/v1/payouts")]
    [InlineData("POST", "/v1/payouts/po_1/cancel")]
    public async Task Request_ToAServiceThatIsDown_AnswersBadGatewayWithStripeApiError(string method, string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("error");
        Assert.Equal("api_error", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.StartsWith("req_", response.Headers.GetValues(RequestId.HeaderName).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ToAServiceThatIsUp_IsNotAffectedByAnotherBeingDown()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/v1/balance", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
