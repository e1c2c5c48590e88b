using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Onboarding.Verification;

/// <summary>
/// An account's verification: details submitted → identity checks → sanctions screening → verified (capabilities
/// active) or rejected (<c>rejected.listed</c>, for good), or back to awaiting details when a check failed. The
/// eventually-due fields stay so until the account reaches its next threshold (<see cref="ThresholdReached"/>); then
/// they are due by a deadline kept by durable scheduling, and past it the account is <c>past_due</c> until they come.
/// Every step's messages leave through the outbox with the state.
/// </summary>
/// <remarks>
/// Out of order and duplicates: details submitted while a check runs mark the run stale (<see cref="AccountVerificationState.Rerun"/>)
/// and it restarts when its answer comes, so an outcome is never about stale details; answers and deadlines that
/// arrive in a state that does not expect them are ignored; a rejected account ignores everything.
/// </remarks>
public sealed class AccountVerificationStateMachine : MassTransitStateMachine<AccountVerificationState>
{
    public AccountVerificationStateMachine(IOptions<VerificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var grace = options.Value.ThresholdGrace;
        InstanceState(x => x.CurrentState);
        Event(() => Requested, e => e.CorrelateById(m => VerificationSagaId.For(m.Message.AccountId)));
        Event(() => IdentityDone, e => e.CorrelateById(m => VerificationSagaId.For(m.Message.AccountId)));
        Event(() => Screened, e => e.CorrelateById(m => VerificationSagaId.For(m.Message.AccountId)));
        Event(() => Threshold, e =>
        {
            e.CorrelateById(m => VerificationSagaId.For(m.Message.AccountId));
            // An account that never asked for verification cannot have charged, so has no threshold to reach.
            e.OnMissingInstance(m => m.Discard());
        });
        Schedule(() => Deadline, x => x.DeadlineTokenId, s =>
        {
            s.Delay = grace;
            s.Received = r => r.CorrelateById(m => VerificationSagaId.For(m.Message.AccountId));
        });

        Initially(
            When(Requested)
                .Then(c => c.Saga.AccountId = c.Message.AccountId)
                .Send(CheckIdentity.Address, c => new CheckIdentity { AccountId = c.Saga.AccountId })
                .TransitionTo(CheckingIdentity));

        During(CheckingIdentity, Screening,
            When(Requested).Then(c => c.Saga.Rerun = true),
            When(Deadline!.Received)
                .Then(c => c.Saga.DeadlinePassed = true)
                .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "past_due")));

        // One When per answer, branching inside it: separate filtered Whens would all be evaluated in turn, each seeing
        // what the previous one changed (a restart clears Rerun, and the next branch would then act on the stale answer).
        During(CheckingIdentity,
            When(IdentityDone).IfElse(c => c.Saga.Rerun,
                rerun => rerun.Then(Restart).Send(CheckIdentity.Address, c => new CheckIdentity { AccountId = c.Saga.AccountId }),
                answer => answer.IfElse(c => c.Message.Errors.Count > 0,
                    failed => failed
                        .Then(c => c.Saga.Completed++)
                        .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "failed") with { Errors = c.Message.Errors })
                        .TransitionTo(AwaitingDetails),
                    passed => passed
                        .Then(c => c.Saga.ThresholdDue = [.. c.Message.ThresholdDue])
                        .Send(ScreenSanctions.Address, c => new ScreenSanctions { AccountId = c.Saga.AccountId })
                        .TransitionTo(Screening))));

        During(Screening,
            When(Screened).IfElse(c => c.Saga.Rerun,
                rerun => rerun
                    .Then(Restart)
                    .Send(CheckIdentity.Address, c => new CheckIdentity { AccountId = c.Saga.AccountId })
                    .TransitionTo(CheckingIdentity),
                answer => answer.Then(c => c.Saga.Completed++).IfElse(c => c.Message.Listed,
                    listed => listed
                        .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "rejected") with { RejectedReason = "rejected.listed" })
                        .Unschedule(Deadline)
                        .TransitionTo(Rejected),
                    clear => clear.IfElse(c => !c.Saga.PastThreshold || c.Saga.ThresholdDue.Count == 0,
                        nothingDue => nothingDue
                            .Then(c => c.Saga.DeadlinePassed = false)
                            .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "verified"))
                            .Unschedule(Deadline)
                            .TransitionTo(Verified),
                        due => due.IfElse(c => c.Saga.DeadlinePassed,
                            late => late
                                .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "verified") with { ThresholdDue = c.Saga.ThresholdDue })
                                .TransitionTo(PastDue),
                            inTime => inTime
                                .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "verified") with
                                {
                                    ThresholdDue = c.Saga.ThresholdDue,
                                    CurrentDeadline = DateTimeOffset.UtcNow + grace,
                                })
                                .Schedule(Deadline, c => new VerificationDeadlinePassed { AccountId = c.Saga.AccountId })
                                .TransitionTo(Verified))))));

        During(AwaitingDetails, Verified, PastDue,
            When(Requested).Send(CheckIdentity.Address, c => new CheckIdentity { AccountId = c.Saga.AccountId }).TransitionTo(CheckingIdentity),
            Ignore(IdentityDone),
            Ignore(Screened));

        During(CheckingIdentity, Screening, AwaitingDetails,
            When(Threshold).Then(c => c.Saga.PastThreshold = true));

        // A second trigger neither moves the deadline nor adds to what the first asked for.
        During(Verified,
            When(Threshold, c => !c.Saga.PastThreshold)
                .Then(c =>
                {
                    c.Saga.PastThreshold = true;
                    c.Saga.ThresholdDue = [.. c.Message.Fields];
                })
                .If(c => c.Saga.ThresholdDue.Count > 0, due => due
                    .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "verified") with
                    {
                        ThresholdDue = c.Saga.ThresholdDue,
                        CurrentDeadline = DateTimeOffset.UtcNow + grace,
                    })
                    .Schedule(Deadline, c => new VerificationDeadlinePassed { AccountId = c.Saga.AccountId })),
            Ignore(Threshold, c => c.Saga.PastThreshold));

        During(Verified,
            When(Deadline.Received)
                .Then(c => c.Saga.DeadlinePassed = true)
                .Send(ApplyVerificationOutcome.Address, c => Outcome(c.Saga, "past_due"))
                .TransitionTo(PastDue));

        During(AwaitingDetails, PastDue, Ignore(Deadline.Received));

        During(PastDue, Ignore(Threshold));

        During(Rejected, Ignore(Requested), Ignore(IdentityDone), Ignore(Screened), Ignore(Deadline.Received), Ignore(Threshold));
    }

    public State CheckingIdentity { get; private set; } = null!;

    public State Screening { get; private set; } = null!;

    public State AwaitingDetails { get; private set; } = null!;

    public State Verified { get; private set; } = null!;

    public State PastDue { get; private set; } = null!;

    public State Rejected { get; private set; } = null!;

    public Event<VerificationRequested> Requested { get; private set; } = null!;

    public Event<IdentityChecked> IdentityDone { get; private set; } = null!;

    public Event<SanctionsScreened> Screened { get; private set; } = null!;

    public Event<ThresholdReached> Threshold { get; private set; } = null!;

    public Schedule<AccountVerificationState, VerificationDeadlinePassed> Deadline { get; private set; } = null!;

    static void Restart(BehaviorContext<AccountVerificationState> context) => context.Saga.Rerun = false;

    static ApplyVerificationOutcome Outcome(AccountVerificationState saga, string outcome) =>
        new() { AccountId = saga.AccountId, Outcome = outcome };
}
