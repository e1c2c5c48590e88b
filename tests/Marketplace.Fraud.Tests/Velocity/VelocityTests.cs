using System.Text.Json;
using Dapper;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Fraud.Tests.Velocity;

/// <summary>Velocity counters are exact under concurrency and survive a restart of the service.</summary>
public sealed class VelocityTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoHundredConcurrentAssessments_OfOneCard_CountExactlyTwoHundred()
    {
        const int Payments = 200;
        var platform = TestContexts.NewPlatform().PlatformId;
        var fingerprint = Marketplace.Data.PrefixedId.New("fp");

        var answers = await Task.WhenAll(Enumerable.Range(0, Payments).Select(i =>
            service.AssessAsync(Assessor.Payment(platform) with { CardFingerprint = fingerprint, Email = $"buyer{i}@example.com", IpAddress = $"198.51.100.{i % 250}" },
                TimeSpan.FromSeconds(90))));

        Assert.Equal(Payments, answers.Select(answer => answer.AssessmentId).Distinct().Count());
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        Assert.Equal(Payments, await connection.ExecuteScalarAsync<long>(
            "SELECT sum(count) FROM velocity_counts WHERE platform_id = @platform AND dimension = 'CardFingerprint'", new { platform }));
        // Each payment saw its own place in the sequence: the counts 1 to 200, each once.
        var seen = (await connection.QueryAsync<string>(
                "SELECT attributes::text FROM assessments WHERE platform_id = @platform", new { platform }))
            .Select(json => JsonDocument.Parse(json).RootElement.GetProperty("values").GetProperty("total_charges_per_card_number_hourly").GetDouble())
            .Order()
            .ToList();
        Assert.Equal(Enumerable.Range(1, Payments).Select(n => (double)n), seen);
    }

    [Fact]
    public async Task Counters_AfterTheServiceRestarts_KeepCountingFromWhereTheyWere()
    {
        await using var database = new TestDatabase();
        await using var broker = new TestBroker();
        await database.InitializeAsync();
        await broker.InitializeAsync();
        var platform = TestContexts.NewPlatform().PlatformId;
        var fingerprint = Marketplace.Data.PrefixedId.New("fp");

        await using (var first = new ServiceFactory<Program>("fraud", database, broker))
        {
            first.StartServer();
            for (var i = 0; i < 3; i++)
            {
                await AssessAsync(first, Assessor.Payment(platform) with { CardFingerprint = fingerprint });
            }
        }

        await using var second = new ServiceFactory<Program>("fraud", database, broker);
        second.StartServer();
        var fourth = await AssessAsync(second, Assessor.Payment(platform) with { CardFingerprint = fingerprint });

        Assert.Contains(fourth.Factors, factor => factor.Name == "card_velocity" && factor.Detail.StartsWith("4 payments", StringComparison.Ordinal));
    }

    static async Task<PaymentAssessed> AssessAsync(ServiceFactory<Program> host, AssessPayment request)
    {
        var client = host.Services.GetRequiredService<IBus>().CreateRequestClient<AssessPayment>(AssessPayment.Address, RequestTimeout.After(s: 30));
        return (await client.GetResponse<PaymentAssessed>(request, Cancellation)).Message;
    }
}
