using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Marketplace.Onboarding.Tests.Support;

/// <summary>
/// A queue of the test's own, bound to the exchanges the service publishes <typeparamref name="T"/> to (MassTransit
/// names them <c>Namespace:Type</c>), collecting every message the relay sent, as another service would get them.
/// </summary>
public sealed class EventTap<T> : IAsyncDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly ConcurrentQueue<T> _messages = new();
    IConnection? _connection;
    IChannel? _channel;

    public IReadOnlyList<T> Messages => [.. _messages];

    public async Task StartAsync(string brokerConnectionString)
    {
        var tap = this;
        var factory = new ConnectionFactory { Uri = new Uri(brokerConnectionString) };
        tap._connection = await factory.CreateConnectionAsync();
        tap._channel = await tap._connection.CreateChannelAsync();
        var exchange = $"{typeof(T).Namespace}:{typeof(T).Name}";
        await tap._channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await tap._channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await tap._channel.QueueBindAsync(queue.QueueName, exchange, "");
        var consumer = new AsyncEventingBasicConsumer(tap._channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            tap._messages.Enqueue(envelope.RootElement.GetProperty("message").Deserialize<T>(Json)!);
            return Task.CompletedTask;
        };
        await tap._channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.CloseAsync();
            _channel.Dispose();
        }

        if (_connection is not null)
        {
            await _connection.CloseAsync();
            _connection.Dispose();
        }
    }
}
