using System.Text.Json;
using Marketplace.Testing;
using RabbitMQ.Client;

namespace Marketplace.Ledger.Tests.Support;

/// <summary>
/// Every <typeparamref name="T"/> the service publishes, read straight off the broker (a queue bound to the message
/// type's exchange), since the Ledger itself does not consume what it publishes.
/// </summary>
public sealed class BrokerWatch<T>(TestBroker broker) : IAsyncDisposable
    where T : class
{
    static readonly string Queue = $"test-watch-{typeof(T).Name}";
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    readonly List<T> _seen = [];
    IConnection? _connection;
    IChannel? _channel;

    /// <summary>Binds the watch queue: from now on every <typeparamref name="T"/> published is kept for <see cref="ReadAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = _connection = await new ConnectionFactory
        {
            HostName = TestEnvironment.RabbitMqHost,
            UserName = TestEnvironment.RabbitMqUser,
            Password = TestEnvironment.RabbitMqPassword,
            VirtualHost = broker.VirtualHost,
        }.CreateConnectionAsync(cancellationToken);
        var channel = _channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var exchange = $"{typeof(T).Namespace}:{typeof(T).Name}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Queue, exchange, "", cancellationToken: cancellationToken);
    }

    /// <summary>Everything seen so far, this call's new arrivals included.</summary>
    public async Task<IReadOnlyList<T>> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _channel!.BasicGetAsync(Queue, autoAck: true, cancellationToken) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            _seen.Add(envelope.RootElement.GetProperty("message").Deserialize<T>(Web)!);
        }

        return _seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
