using Dapper;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Benchmarks.Backbone;

/// <summary><see cref="BenchmarkConsumer"/>'s effect for a batch of messages: their rows in one statement, one commit.</summary>
public sealed class BenchmarkBatchConsumer(ConsumeTransaction transaction, LatencyRecorder recorder) : IConsumer<Batch<BenchmarkMessage>>
{
    public async Task Consume(ConsumeContext<Batch<BenchmarkMessage>> context)
    {
        await transaction.Connection.ExecuteAsync(
            "INSERT INTO benchmark_effects (id) SELECT unnest(@ids)", new { ids = context.Message.Select(m => m.Message.Id).ToArray() }, transaction.Transaction);
        foreach (var message in context.Message)
        {
            recorder.Record(message.Message.WrittenAt);
        }
    }
}

/// <summary>Two batches of up to 16 at a time: the 32 messages every endpoint takes at once.</summary>
public sealed class BenchmarkBatchConsumerDefinition : ConsumerDefinition<BenchmarkBatchConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<BenchmarkBatchConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(16).SetConcurrencyLimit(2).SetTimeLimit(ms: 10));
}
