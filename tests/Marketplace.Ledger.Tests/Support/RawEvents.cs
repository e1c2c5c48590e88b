using System.Text.Json;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Testing;
using RabbitMQ.Client;

namespace Marketplace.Ledger.Tests.Support;

/// <summary>
/// Every <see cref="ApiEventRaised"/> the service publishes, read straight off the broker (a queue bound to the message
/// type's exchange), since the Ledger itself does not consume them.
/// </summary>
public sealed class RawEvents : IAsyncDisposable
{
    const string Queue = "test-api-events";
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    readonly IConnection _connection;
    readonly IChannel _channel;
    readonly List<ApiEventRaised> _seen = [];

    RawEvents(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RawEvents> WatchAsync(TestBroker broker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var connection = await new ConnectionFactory
        {
            HostName = TestEnvironment.RabbitMqHost,
            UserName = TestEnvironment.RabbitMqUser,
            Password = TestEnvironment.RabbitMqPassword,
            VirtualHost = broker.VirtualHost,
        }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var exchange = $"{typeof(ApiEventRaised).Namespace}:{nameof(ApiEventRaised)}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Queue, exchange, "", cancellationToken: cancellationToken);
        return new RawEvents(connection, channel);
    }

    /// <summary>Everything seen so far, this call's new arrivals included.</summary>
    public async Task<IReadOnlyList<ApiEventRaised>> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _channel.BasicGetAsync(Queue, autoAck: true, cancellationToken) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            _seen.Add(envelope.RootElement.GetProperty("message").Deserialize<ApiEventRaised>(Web)!);
        }

        return _seen;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
