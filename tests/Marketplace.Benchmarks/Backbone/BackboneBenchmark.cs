using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;

namespace Marketplace.Benchmarks.Backbone;

/// <summary>
/// The messaging backbone against the raw broker, in one run on one machine:
/// <list type="bullet">
/// <item>baseline: RabbitMQ.Client publishing to a quorum queue with publisher confirms, many publishes in flight;</item>
/// <item>ours: writers commit one message per business transaction into the outbox, the relay publishes with
/// confirms, and a consumer takes each in a transaction with its inbox row and one effect row;</item>
/// <item>ours, batched: the same, but the consumer takes up to 16 messages in one transaction (a batch consumer).</item>
/// </list>
/// </summary>
public static class BackboneBenchmark
{
    const int Writers = 16;
    const int RawPublishersInFlight = 256;
    static readonly string Payload = new('x', 256);

    public static async Task<int> RunAsync(int messages)
    {
        await using var database = new TestDatabase();
        await using var broker = new TestBroker();
        await database.InitializeAsync();
        await broker.InitializeAsync();

        var raw = await RawBrokerRateAsync(broker, messages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw broker: {raw:F0} msg/s confirmed publishes to a quorum queue ({messages} messages)"));

        var commits = await PostgresCommitRateAsync(database, messages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"postgres: {commits:F0} single-row transactions/s from {Writers} writers ({messages} transactions)"));

        var (rate, p50, p99) = await OutboxPathAsync(database, broker, messages, bus => bus.AddConsumer<BenchmarkConsumer>());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outbox -> RabbitMQ -> inbox: {rate:F0} msg/s, latency p50 {p50:F1} ms, p99 {p99:F1} ms ({messages} messages)"));

        // A virtual host of its own: the first consumer's queue, still bound, would take a copy of every message.
        await using var batchBroker = new TestBroker();
        await batchBroker.InitializeAsync();
        var (batchedRate, batchedP50, batchedP99) = await OutboxPathAsync(
            database, batchBroker, messages, bus => bus.AddConsumer<BenchmarkBatchConsumer, BenchmarkBatchConsumerDefinition>());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox -> RabbitMQ -> inbox, batches: {batchedRate:F0} msg/s, latency p50 {batchedP50:F1} ms, p99 {batchedP99:F1} ms ({messages} messages)"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT backbone outbox_msgs_per_s={rate:F0} p50_ms={p50:F1} p99_ms={p99:F1} batched_msgs_per_s={batchedRate:F0} raw_msgs_per_s={raw:F0} pg_commits_per_s={commits:F0} ratio={rate / raw:F2}"));
        return 0;
    }

    static async Task<double> RawBrokerRateAsync(TestBroker broker, int messages)
    {
        await using var connection = await new ConnectionFactory
        {
            HostName = TestEnvironment.RabbitMqHost,
            UserName = TestEnvironment.RabbitMqUser,
            Password = TestEnvironment.RabbitMqPassword,
            VirtualHost = broker.VirtualHost,
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync("raw-baseline", durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        var body = Encoding.UTF8.GetBytes($$"""{"id":"{{Guid.NewGuid()}}","payload":"{{Payload}}"}""");
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };

        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, RawPublishersInFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < messages)
            {
                // With confirmation tracking on, this completes when the broker has confirmed the message.
                await channel.BasicPublishAsync("", "raw-baseline", mandatory: false, properties, body);
            }
        }));
        return messages / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The ceiling under ours: every outbox message is at least one business transaction's commit, so the path can
    /// never beat the rate at which this PostgreSQL commits one-row transactions from the same number of writers.
    /// </summary>
    static async Task<double> PostgresCommitRateAsync(TestDatabase database, int transactions)
    {
        await using (var setup = await database.DataSource.OpenConnectionAsync())
        await using (var create = new NpgsqlCommand("CREATE TABLE benchmark_commits (id uuid PRIMARY KEY, payload text NOT NULL)", setup))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < transactions)
            {
                await using var connection = await database.DataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = new NpgsqlCommand("INSERT INTO benchmark_commits (id, payload) VALUES ($1, $2)", connection, transaction)
                {
                    Parameters = { new() { Value = Guid.NewGuid() }, new() { Value = Payload } },
                };
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        }));
        return transactions / clock.Elapsed.TotalSeconds;
    }

    static async Task<(double Rate, double P50, double P99)> OutboxPathAsync(
        TestDatabase database, TestBroker broker, int messages, Action<IBusRegistrationConfigurator> consumer)
    {
        await using (var setup = await database.DataSource.OpenConnectionAsync())
        await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS benchmark_effects; CREATE TABLE benchmark_effects (id uuid NOT NULL)", setup))
        {
            await create.ExecuteNonQueryAsync();
        }

        var recorder = new LatencyRecorder(messages);
        using var host = CreateHost(database, broker, recorder, consumer);
        await host.StartAsync();

        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < messages)
            {
                var writtenAt = DateTime.UtcNow;
                await using var connection = await database.DataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await transaction.PublishAsync(new BenchmarkMessage { Id = Guid.NewGuid(), WrittenAt = writtenAt, Payload = Payload });
                await transaction.CommitAsync();
            }
        }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  writers committed {messages} outbox rows in {clock.Elapsed.TotalSeconds:F1} s"));
        await using (var probe = await database.DataSource.OpenConnectionAsync())
        {
            while (await new NpgsqlCommand("SELECT count(*) FROM outbox_messages", probe).ExecuteScalarAsync() is long n && n > 0)
            {
                await Task.Delay(20);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  relay emptied the outbox at {clock.Elapsed.TotalSeconds:F1} s"));
        await recorder.AllConsumed.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var rate = messages / clock.Elapsed.TotalSeconds;

        await host.StopAsync();
        return (rate, recorder.Percentile(0.50), recorder.Percentile(0.99));
    }

    static IHost CreateHost(TestDatabase database, TestBroker broker, LatencyRecorder recorder, Action<IBusRegistrationConfigurator> consumer)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:benchmark"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = broker.ConnectionString,
        });
        builder.Services.AddSingleton(recorder);
        builder.AddServiceDatabase("benchmark");
        builder.AddMessaging(consumer);
        return builder.Build();
    }
}
