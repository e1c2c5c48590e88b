using System.Diagnostics;
using Marketplace.Gateway.RequestIds;

namespace Marketplace.Gateway.Tests.Proxy;

public sealed class TraceContextTests(GatewayFixture gateway)
{
    [Fact]
    public async Task ProxiedRequest_CarriesTraceparentInTheGatewaysTrace()
    {
        using var spans = new ServerSpanRecorder();
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/v1/customers/cus_1", TestContext.Current.CancellationToken);

        var requestId = response.Headers.GetValues(RequestId.HeaderName).Single();
        var traceParent = ActivityContext.Parse(Traceparent(gateway.Service("payments").Received(requestId)), null);
        var serverSpan = spans.ForRequest(requestId);
        Assert.NotNull(serverSpan);
        Assert.Equal(serverSpan.TraceId, traceParent.TraceId);
    }

    [Fact]
    public async Task ProxiedRequest_WithClientTraceparent_ContinuesTheTraceFromTheGatewaysOwnSpan()
    {
        var clientTrace = ActivityTraceId.CreateRandom();
        var clientSpan = ActivitySpanId.CreateRandom();
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
        request.Headers.Add("traceparent", $"00-{clientTrace}-{clientSpan}-01");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var requestId = response.Headers.GetValues(RequestId.HeaderName).Single();
        var forwarded = ActivityContext.Parse(Traceparent(gateway.Service("webhooks").Received(requestId)), null);
        Assert.Equal(clientTrace, forwarded.TraceId);
        Assert.NotEqual(clientSpan, forwarded.SpanId);
    }

    static string Traceparent(SeenRequest? seen)
    {
        Assert.NotNull(seen);
        Assert.NotNull(seen.TraceParent);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", seen.TraceParent);
        return seen.TraceParent;
    }
}
