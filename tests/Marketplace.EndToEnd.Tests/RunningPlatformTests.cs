using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Marketplace.EndToEnd.Tests;

public sealed class RunningPlatformTests(RunningPlatform stack)
{
    static readonly string[] Services = ["onboarding", "payments", "ledger", "payouts", "billing", "fraud", "webhooks"];

    [Fact]
    public void UpScript_BringsTheStackUp_AndPrintsTheGatewayUrl()
    {
        Assert.True(stack.UpExitCode == 0, stack.UpOutput);
        Assert.Contains("Marketplace is up: http://127.0.0.1:8080", stack.UpOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayHealth_ReportsEverySevenServicesHealthy()
    {
        using var response = await stack.Client.GetAsync("/health", TestContext.Current.CancellationToken);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = health.RootElement.GetProperty("checks");
        Assert.All(Services, service => Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString()));
        Assert.StartsWith("req_", response.Headers.GetValues("Request-Id").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbePublishedByOnboarding_IsConsumedByWebhooks()
    {
        using var onboarding = new HttpClient { BaseAddress = RunningPlatform.Service(5101) };
        using var webhooks = new HttpClient { BaseAddress = RunningPlatform.Service(5107) };

        using var sent = await onboarding.PostAsync("/internal/backbone-probes", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var probeId = (await sent.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("probe_id").GetGuid();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        string body;
        do
        {
            using var received = await webhooks.GetAsync($"/internal/backbone-probes/{probeId}", TestContext.Current.CancellationToken);
            status = received.StatusCode;
            body = await received.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (status == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Marketplace.Onboarding", body, StringComparison.Ordinal);
    }
}
