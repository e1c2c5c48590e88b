using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Gateway.RequestIds;

namespace Marketplace.Gateway.Tests.Errors;

public sealed class UnrecognizedRequestUrlApiTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("GET", "/v1/foo")]
    [InlineData("GET", "/v1")]
    [InlineData("POST", "/v1/accountsx")]
    [InlineData("GET", "/v1/radar/rulesets")]
    [InlineData("DELETE", "/v2/accounts/acct_1")]
    public async Task Request_ForAPathNoRouteOwns_AnswersNotFoundWithStripeInvalidRequestError(string method, string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path + "?limit=3");

        using var response = await client.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal($"Unrecognized request URL ({method}: {path}).", error.GetProperty("message").GetString());
        var requestId = response.Headers.GetValues(RequestId.HeaderName).Single();
        Assert.All(GatewayFixture.ServiceNames, name => Assert.Null(gateway.Service(name).Received(requestId)));
    }
}
