using System.Collections.Concurrent;
using Marketplace.Contracts.ApiEvents;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Fraud.Tests.Support;

/// <summary>Every <see cref="ApiEventRaised"/> the service publishes, as the Webhooks service would receive them.</summary>
public sealed class EventRecorder
{
    readonly ConcurrentQueue<ApiEventRaised> _events = new();

    public IReadOnlyList<ApiEventRaised> Events => [.. _events];

    public static async Task<EventRecorder> StartAsync(FraudService service)
    {
        var recorder = new EventRecorder();
        var handle = service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("fraud-tests-api-events", endpoint =>
            endpoint.Handler<ApiEventRaised>(context =>
            {
                recorder._events.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await handle.Ready;
        return recorder;
    }
}
