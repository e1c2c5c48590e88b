using Marketplace.Messaging.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Outbox;

/// <summary>A transactional consumer's response is relayed from the outbox with its request's id, so the requester gets it.</summary>
public sealed class RequestResponseTests : BackboneTest
{
    [Fact]
    public async Task RequestToATransactionalConsumer_ResponseThroughTheOutbox_ReachesTheRequester()
    {
        using var host = MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<PingConsumer>());
        await host.StartAsync(Cancellation);
        var client = host.Services.GetRequiredService<IBus>().CreateRequestClient<Ping>(new Uri("exchange:ping"), RequestTimeout.After(s: 15));
        var pingId = Guid.NewGuid();

        var response = await client.GetResponse<Pong>(new Ping { PingId = pingId }, Cancellation);

        Assert.Equal(pingId, response.Message.PingId);
        await host.StopAsync(Cancellation);
    }
}
