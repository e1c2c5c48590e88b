using System.Collections.Concurrent;
using System.Diagnostics;
using Marketplace.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Marketplace.Benchmarks.Fraud;

/// <summary>
/// The broker's own request/response, the floor under any request over RabbitMQ: RabbitMQ.Client sends a small
/// persistent request to a quorum queue, a responder on another connection answers through direct reply-to. Measured
/// as a rate (<c>inFlight</c> requests outstanding) and as latencies at a steady rate, like the assessments.
/// </summary>
sealed class RawRequestResponse : IAsyncDisposable
{
    readonly ConcurrentDictionary<string, TaskCompletionSource> _pending = new();
    readonly byte[] _body = new byte[600];
    IConnection _responderConnection = null!;
    IChannel _responder = null!;
    IConnection _requesterConnection = null!;
    IChannel _requester = null!;

    public static async Task<RawRequestResponse> StartAsync(TestBroker broker)
    {
        var raw = new RawRequestResponse();
        raw._responderConnection = await BrokerConnections.OpenAsync(broker);
        raw._responder = await raw._responderConnection.CreateChannelAsync();
        await raw._responder.QueueDeclareAsync("raw-rpc", durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await raw._responder.BasicQosAsync(0, 64, false);
        var serve = new AsyncEventingBasicConsumer(raw._responder);
        serve.ReceivedAsync += async (_, delivery) =>
        {
            var properties = new BasicProperties { CorrelationId = delivery.BasicProperties.CorrelationId };
            await raw._responder.BasicPublishAsync("", delivery.BasicProperties.ReplyTo!, false, properties, delivery.Body);
            await raw._responder.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await raw._responder.BasicConsumeAsync("raw-rpc", autoAck: false, serve);

        raw._requesterConnection = await BrokerConnections.OpenAsync(broker);
        raw._requester = await raw._requesterConnection.CreateChannelAsync();
        var replies = new AsyncEventingBasicConsumer(raw._requester);
        replies.ReceivedAsync += (_, delivery) =>
        {
            if (raw._pending.TryRemove(delivery.BasicProperties.CorrelationId!, out var waiting))
            {
                waiting.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await raw._requester.BasicConsumeAsync("amq.rabbitmq.reply-to", autoAck: true, replies);
        return raw;
    }

    /// <summary>Requests per second with <paramref name="inFlight"/> outstanding.</summary>
    public async Task<double> RateAsync(int requests, int inFlight)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                await RequestAsync();
            }
        }));
        return requests / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One request and its answer.</summary>
    public async Task RequestAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answered;
        await _requester.BasicPublishAsync("", "raw-rpc", false,
            new BasicProperties { CorrelationId = id, ReplyTo = "amq.rabbitmq.reply-to", Persistent = true }, _body);
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _requester.DisposeAsync();
        await _requesterConnection.DisposeAsync();
        await _responder.DisposeAsync();
        await _responderConnection.DisposeAsync();
    }
}
