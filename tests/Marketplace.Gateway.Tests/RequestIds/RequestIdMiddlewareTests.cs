using Marketplace.Gateway.RequestIds;

namespace Marketplace.Gateway.Tests.RequestIds;

public sealed class RequestIdMiddlewareTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/v1/payment_intents/pi_1")]
    [InlineData("/v1/no_such_resource")]
    [InlineData("/health")]
    public async Task AnyResponse_HasOneRequestIdInStripesForm(string path)
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        // The stub service echoes the id it was given, as a service would; the client still sees it once.
        var requestId = Assert.Single(response.Headers.GetValues(RequestId.HeaderName));
        Assert.Matches("^req_[0-9A-Za-z]{14,}$", requestId);
    }

    [Fact]
    public async Task TwoRequests_GetDifferentRequestIds()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = gateway.CreateClient();

        using var first = await client.GetAsync("/v1/charges", cancellationToken);
        using var second = await client.GetAsync("/v1/charges", cancellationToken);

        Assert.NotEqual(first.Headers.GetValues(RequestId.HeaderName).Single(), second.Headers.GetValues(RequestId.HeaderName).Single());
    }

    [Fact]
    public async Task ProxiedRequest_ForwardsTheResponsesRequestIdToTheService()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/v1/payouts/po_1", TestContext.Current.CancellationToken);

        var requestId = response.Headers.GetValues(RequestId.HeaderName).Single();
        Assert.NotNull(gateway.Service("payouts").Received(requestId));
    }

    [Fact]
    public async Task ClientSuppliedRequestId_IsReplacedOnTheResponseAndTowardsTheService()
    {
        const string forged = "req_ChosenByTheClient1";
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/products");
        request.Headers.Add(RequestId.HeaderName, forged);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var requestId = response.Headers.GetValues(RequestId.HeaderName).Single();
        Assert.NotEqual(forged, requestId);
        Assert.NotNull(gateway.Service("billing").Received(requestId));
        Assert.Null(gateway.Service("billing").Received(forged));
    }

    [Fact]
    public async Task Request_IsTaggedWithItsRequestIdOnTheServerSpan()
    {
        using var spans = new ServerSpanRecorder();
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/v1/topups", TestContext.Current.CancellationToken);

        Assert.NotNull(spans.ForRequest(response.Headers.GetValues(RequestId.HeaderName).Single()));
    }
}
