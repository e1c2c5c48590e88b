using System.Collections.Concurrent;
using System.Diagnostics;
using Marketplace.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Marketplace.Benchmarks.Fraud;

/// <summary>
/// The broker's own request/response rate, the ceiling of any request over RabbitMQ: RabbitMQ.Client sends a small
/// request to a quorum queue, a responder on another connection answers through direct reply-to, and the requester
/// keeps <c>inFlight</c> requests outstanding.
/// </summary>
static class RawRequestResponse
{
    public static async Task<double> RateAsync(TestBroker broker, int requests, int inFlight)
    {
        var factory = new ConnectionFactory
        {
            HostName = TestEnvironment.RabbitMqHost,
            UserName = TestEnvironment.RabbitMqUser,
            Password = TestEnvironment.RabbitMqPassword,
            VirtualHost = broker.VirtualHost,
        };
        await using var responderConnection = await factory.CreateConnectionAsync();
        await using var responder = await responderConnection.CreateChannelAsync();
        await responder.QueueDeclareAsync("raw-rpc", durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await responder.BasicQosAsync(0, 64, false);
        var serve = new AsyncEventingBasicConsumer(responder);
        serve.ReceivedAsync += async (_, delivery) =>
        {
            var properties = new BasicProperties { CorrelationId = delivery.BasicProperties.CorrelationId };
            await responder.BasicPublishAsync("", delivery.BasicProperties.ReplyTo!, false, properties, delivery.Body);
            await responder.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await responder.BasicConsumeAsync("raw-rpc", autoAck: false, serve);

        await using var requesterConnection = await factory.CreateConnectionAsync();
        await using var requester = await requesterConnection.CreateChannelAsync();
        var pending = new ConcurrentDictionary<string, TaskCompletionSource>();
        var replies = new AsyncEventingBasicConsumer(requester);
        replies.ReceivedAsync += (_, delivery) =>
        {
            if (pending.TryRemove(delivery.BasicProperties.CorrelationId!, out var waiting))
            {
                waiting.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await requester.BasicConsumeAsync("amq.rabbitmq.reply-to", autoAck: true, replies);
        var body = new byte[600];

        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                var id = Guid.NewGuid().ToString("N");
                var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                pending[id] = answered;
                await requester.BasicPublishAsync("", "raw-rpc", false,
                    new BasicProperties { CorrelationId = id, ReplyTo = "amq.rabbitmq.reply-to", Persistent = true }, body);
                await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }));
        return requests / clock.Elapsed.TotalSeconds;
    }
}
