using Dapper;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Benchmarks.Backbone;

/// <summary>A consumer with a realistic effect: one row written in the consume transaction, beside the inbox row.</summary>
public sealed class BenchmarkConsumer(ConsumeTransaction transaction, LatencyRecorder recorder) : IConsumer<BenchmarkMessage>
{
    public async Task Consume(ConsumeContext<BenchmarkMessage> context)
    {
        await transaction.Connection.ExecuteAsync(
            "INSERT INTO benchmark_effects (id) VALUES (@Id)", new { context.Message.Id }, transaction.Transaction);
        recorder.Record(context.Message.WrittenAt);
    }
}
