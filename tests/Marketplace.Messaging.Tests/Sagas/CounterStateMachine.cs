using MassTransit;

namespace Marketplace.Messaging.Tests.Sagas;

/// <summary>
/// A saga small enough to reason about: every <see cref="Increment"/> adds one and publishes the new count;
/// <see cref="StartTimer"/> schedules a <see cref="TimerElapsed"/> two seconds ahead.
/// </summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public static readonly TimeSpan TimerDelay = TimeSpan.FromSeconds(2);

    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Incremented, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => TimerStarted, e => e.CorrelateById(m => m.Message.CounterId));
        Schedule(() => Timer, x => x.TimerTokenId, s =>
        {
            s.Delay = TimerDelay;
            s.Received = r => r.CorrelateById(m => m.Message.CounterId);
        });

        Initially(
            When(Incremented).Then(Count).PublishAsync(CountChanged).Then(FailureInjection.AfterStep).TransitionTo(Counting),
            When(TimerStarted).Schedule(Timer, c => new TimerElapsed { CounterId = c.Saga.CorrelationId }).TransitionTo(Waiting));

        During(Counting, When(Incremented).Then(Count).PublishAsync(CountChanged).Then(FailureInjection.AfterStep));
        During(Waiting, When(Timer!.Received).Then(c => c.Saga.Elapsed++).TransitionTo(Elapsed));
        During(Elapsed, Ignore(Timer.Received));
    }

    public State Counting { get; private set; } = null!;

    public State Waiting { get; private set; } = null!;

    public State Elapsed { get; private set; } = null!;

    public Event<Increment> Incremented { get; private set; } = null!;

    public Event<StartTimer> TimerStarted { get; private set; } = null!;

    public Schedule<CounterState, TimerElapsed> Timer { get; private set; } = null!;

    static void Count(BehaviorContext<CounterState> context) => context.Saga.Count++;

    static Task<SendTuple<CountChanged>> CountChanged(BehaviorContext<CounterState, Increment> context) =>
        context.Init<CountChanged>(new CountChanged { CounterId = context.Saga.CorrelationId, Count = context.Saga.Count });
}
