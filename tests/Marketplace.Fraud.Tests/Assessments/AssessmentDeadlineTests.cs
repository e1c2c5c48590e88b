using Dapper;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Fraud.Tests.Assessments;

/// <summary>A request that reaches Fraud after its deadline is dropped unanswered and counts nothing.</summary>
public sealed class AssessmentDeadlineTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestPastItsDeadline_IsDroppedWithoutCounting_WhileOneWithinItIsAnswered()
    {
        // The service's clock runs an hour ahead, so a request that lives 30 minutes has expired when it arrives;
        // the broker itself keeps it (its own clock is right), which isolates Fraud's own check.
        await using var factory = new ServiceFactory<Program>("fraud");
        await factory.InitializeAsync();
        await using var host = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromHours(1)))));
        host.StartServer();
        var platform = TestContexts.NewPlatform().PlatformId;
        var bus = host.Services.GetRequiredService<IBus>();
        var client = bus.CreateRequestClient<AssessPayment>(AssessPayment.Address, RequestTimeout.After(s: 30));

        var expired = Assessor.Payment(platform);
        var endpoint = await bus.GetSendEndpoint(AssessPayment.Address);
        await endpoint.Send(expired, send => send.TimeToLive = TimeSpan.FromMinutes(30), Cancellation);
        var answered = await client.GetResponse<PaymentAssessed>(
            Assessor.Payment(platform), send => send.TimeToLive = TimeSpan.FromHours(2), Cancellation);
        await Task.Delay(500, Cancellation);

        Assert.Equal("allow", answered.Message.Action);
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync(Cancellation);
        Assert.Equal([answered.Message.PaymentId], await connection.QueryAsync<string>(
            "SELECT payment_id FROM assessments WHERE platform_id = @platform", new { platform }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT coalesce(sum(count), 0) FROM velocity_counts WHERE platform_id = @platform AND dimension = 'Email'", new { platform }));
    }
}
