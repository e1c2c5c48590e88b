using System.Collections.Concurrent;
using MassTransit;

namespace Marketplace.Messaging.Tests.Sagas;

/// <summary>Makes the saga throw after its step (state changed, message published) for the first attempts of one saga instance.</summary>
static class FailureInjection
{
    static readonly ConcurrentDictionary<Guid, int> RemainingFailures = new();

    public static void FailNextAttempts(Guid correlationId, int attempts) => RemainingFailures[correlationId] = attempts;

    public static void AfterStep(BehaviorContext<CounterState> context)
    {
        if (RemainingFailures.TryGetValue(context.Saga.CorrelationId, out var remaining) && remaining > 0)
        {
            RemainingFailures[context.Saga.CorrelationId] = remaining - 1;
            throw new InvalidOperationException("Injected failure after the saga's step, before its commit.");
        }
    }
}
