using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Gateway.Tests.Health;

public sealed class ServiceHealthCheckTests(GatewayFixture gateway, GatewayWithPayoutsDownFixture gatewayWithPayoutsDown)
{
    [Fact]
    public async Task Health_WithEveryServiceUp_IsHealthyAndReportsEachService()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = gateway.CreateClient();

        // The bus connects in the background after start-up, so the gateway's own checks may take a moment.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage response;
        while ((response = await client.GetAsync("/health", cancellationToken)).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            response.Dispose();
            await Task.Delay(250, cancellationToken);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var checks = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("checks");
            Assert.All(GatewayFixture.ServiceNames, name => Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString()));
        }
    }

    [Fact]
    public async Task Health_WithOneServiceDown_IsUnhealthyAndNamesThatServiceOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = gatewayWithPayoutsDown.CreateClient();

        using var response = await client.GetAsync("/health", cancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks");
        Assert.All(GatewayFixture.ServiceNames, name =>
            Assert.Equal(name == "payouts" ? "Unhealthy" : "Healthy", checks.GetProperty(name).GetProperty("status").GetString()));
        Assert.Contains(gatewayWithPayoutsDown.Service("payouts").Address.Authority, checks.GetProperty("payouts").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
