using Marketplace.Messaging.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Inbox;

/// <summary>What a consumer asks to run after its commit runs only when the transaction commits, with the message's own context.</summary>
public sealed class AfterCommitTests : BackboneTest
{
    [Fact]
    public async Task AResponseSentAfterTheCommit_ReachesTheRequester()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<AfterCommitPingConsumer>());
        await host.StartAsync(Cancellation);
        var client = host.Services.GetRequiredService<IBus>().CreateRequestClient<Ping>(new Uri("exchange:after-commit-ping"), RequestTimeout.After(s: 15));
        var pingId = Guid.NewGuid();

        var response = await client.GetResponse<Pong>(new Ping { PingId = pingId }, Cancellation);

        Assert.Equal(pingId, response.Message.PingId);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task WhenTheTransactionRollsBack_NothingAskedForAfterTheCommitRuns()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<AfterCommitPingConsumer>());
        await host.StartAsync(Cancellation);
        var client = host.Services.GetRequiredService<IBus>().CreateRequestClient<Ping>(new Uri("exchange:after-commit-ping"), RequestTimeout.After(s: 5));
        var failing = Guid.Parse("00000000" + Guid.NewGuid().ToString("N")[8..]);

        await Assert.ThrowsAsync<RequestTimeoutException>(() => client.GetResponse<Pong>(new Ping { PingId = failing }, Cancellation));

        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task ARetriedMessage_RunsOnlyWhatItsCommittedAttemptAskedFor()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<RetriedPingConsumer>());
        await host.StartAsync(Cancellation);
        var client = host.Services.GetRequiredService<IBus>().CreateRequestClient<Ping>(new Uri("exchange:retried-ping"), RequestTimeout.After(s: 15));

        var response = await client.GetResponse<Pong>(new Ping { PingId = Guid.NewGuid() }, Cancellation);

        Assert.Equal(Guid.Empty, response.Message.PingId);
        await host.StopAsync(Cancellation);
    }
}
