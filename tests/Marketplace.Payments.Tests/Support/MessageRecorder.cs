using System.Collections.Concurrent;
using MassTransit;

namespace Marketplace.Payments.Tests.Support;

/// <summary>Every <typeparamref name="T"/> the service publishes, as the service that subscribes to it would receive them.</summary>
public sealed class MessageRecorder<T>
    where T : class
{
    readonly ConcurrentQueue<T> _messages = new();

    public IReadOnlyList<T> Messages => [.. _messages];

    /// <summary>Starts recording on a queue of its own, bound to the message type's exchange.</summary>
    public async Task StartAsync(IBus bus) =>
        await bus.ConnectReceiveEndpoint($"payments-tests-{typeof(T).Name}", endpoint => endpoint.Handler<T>(context =>
        {
            _messages.Enqueue(context.Message);
            return Task.CompletedTask;
        })).Ready;
}
