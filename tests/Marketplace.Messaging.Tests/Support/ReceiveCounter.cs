using MassTransit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>Counts deliveries the bus finished handling, whether the consumer ran or the inbox skipped it.</summary>
sealed class ReceiveCounter : IReceiveObserver
{
    int _count;
    int _unconsumed;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Deliveries MassTransit saw no consumer take: it moves those to the endpoint's <c>_skipped</c> queue.</summary>
    public int Unconsumed => Volatile.Read(ref _unconsumed);

    public Task PostReceive(ReceiveContext context)
    {
        if (!context.IsDelivered)
        {
            Interlocked.Increment(ref _unconsumed);
        }

        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
