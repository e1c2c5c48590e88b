using System.Text.Json;
using Marketplace.Messaging.Outbox;
using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using Xunit;

namespace Marketplace.Messaging.Tests.Outbox;

public sealed class CompetingRelayTests : BackboneTest
{
    const int Rows = 2000;

    [Fact]
    public async Task TwoRelays_OnOneOutbox_SendEveryRowExactlyOnce()
    {
        // Watch the raw broker, not a consumer: an inbox would hide a duplicate send.
        await using var connection = await new ConnectionFactory
        {
            HostName = TestEnvironment.RabbitMqHost,
            UserName = TestEnvironment.RabbitMqUser,
            Password = TestEnvironment.RabbitMqPassword,
            VirtualHost = Broker.VirtualHost,
        }.CreateConnectionAsync(Cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
        var exchange = $"{typeof(ThingHappened).Namespace}:{nameof(ThingHappened)}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: Cancellation);
        await channel.QueueDeclareAsync("watch", durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancellation);
        await channel.QueueBindAsync("watch", exchange, "", cancellationToken: Cancellation);

        await using (var db = await Database.DataSource.OpenConnectionAsync(Cancellation))
        {
            await using var transaction = await db.BeginTransactionAsync(Cancellation);
            for (var i = 0; i < Rows; i++)
            {
                await transaction.PublishAsync(new ThingHappened { ThingId = Guid.NewGuid() }, Cancellation);
            }

            await transaction.CommitAsync(Cancellation);
        }

        using var first = MessagingHost.Create(Database, Broker, _ => { });
        using var second = MessagingHost.Create(Database, Broker, _ => { });
        await Task.WhenAll(first.StartAsync(Cancellation), second.StartAsync(Cancellation));
        await Eventually.Until(() => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages"), n => n == 0, TimeSpan.FromSeconds(60));
        await Task.WhenAll(first.StopAsync(Cancellation), second.StopAsync(Cancellation));

        var messageIds = new List<string>();
        while (await channel.BasicGetAsync("watch", autoAck: true, Cancellation) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            messageIds.Add(envelope.RootElement.GetProperty("messageId").GetString()!);
        }

        Assert.Equal(Rows, messageIds.Count);
        Assert.Equal(Rows, messageIds.Distinct().Count());
    }
}
