using System.Collections.Concurrent;
using System.Text.Json;
using Marketplace.Contracts.Accounts;
using Marketplace.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Marketplace.Benchmarks.Onboarding;

/// <summary>
/// Tells when an account's charges are enabled the way Payments and Payouts learn it: from Onboarding's
/// <see cref="ConnectedAccountUpdated"/> events, read off the broker (a queue of the benchmark's bound to the event's
/// exchange), instead of polling the account through the gateway — polling sixteen accounts every 20 ms cost the
/// machine more than the verifications it waited for.
/// </summary>
sealed class ChargesEnabledEvents : IAsyncDisposable
{
    // MassTransit's name for the event's fanout exchange, which Onboarding publishes to.
    static readonly string Exchange = $"{typeof(ConnectedAccountUpdated).Namespace}:{nameof(ConnectedAccountUpdated)}";

    readonly ConcurrentDictionary<string, TaskCompletionSource> _enabled = new(StringComparer.Ordinal);
    IConnection _connection = null!;
    IChannel _channel = null!;

    public static async Task<ChargesEnabledEvents> StartAsync(TestBroker broker)
    {
        var events = new ChargesEnabledEvents();
        events._connection = await BrokerConnections.OpenAsync(broker);
        events._channel = await events._connection.CreateChannelAsync();
        await events._channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await events._channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await events._channel.QueueBindAsync(queue.QueueName, Exchange, "");
        var consumer = new AsyncEventingBasicConsumer(events._channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var message = envelope.RootElement.GetProperty("message");
            if (message.GetProperty("chargesEnabled").GetBoolean())
            {
                events.For(message.GetProperty("accountId").GetString()!).TrySetResult();
            }

            return Task.CompletedTask;
        };
        await events._channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return events;
    }

    /// <summary>Completes when <paramref name="accountId"/>'s charges are enabled, whether that was announced before or after the call.</summary>
    public Task EnabledAsync(string accountId) => For(accountId).Task.WaitAsync(TimeSpan.FromSeconds(60));

    TaskCompletionSource For(string accountId) =>
        _enabled.GetOrAdd(accountId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
