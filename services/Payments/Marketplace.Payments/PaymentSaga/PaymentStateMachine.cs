using Marketplace.Contracts.Fraud;
using Marketplace.Contracts.Ledger;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.SepaDebit;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// One payment attempt, from confirm to rest: Fraud assesses it (with a deadline; no answer fails closed) → the payer
/// authenticates when the issuer or Fraud asks for 3D Secure, or approves on the bank's page of a redirect method → the
/// issuer authorises → capture (at once, or when the platform captures) — or, for a SEPA debit, the scheme settles or
/// returns it after a delay → the Ledger journals the charge, fee, application fee and transfer → succeeded. A block, a
/// decline, a returned debit or a missed deadline fails the attempt and the intent asks for another payment method; a
/// cancel releases the authorisation, and so does an authorisation left uncaptured past its validity. Each step's writes (<see cref="PaymentAttemptSteps"/>) and messages commit with the
/// state; the intent is <c>succeeded</c> only once the Ledger has answered.
/// </summary>
/// <remarks>
/// The saga begins in <see cref="Assessing"/>, written by the confirm itself with Fraud's request and deadline
/// (<see cref="PaymentSagaStart"/>): no message starts it. Messages that arrive for an attempt already at rest
/// (Fraud's answer after its deadline, a redelivered <c>ChargePosted</c>) find no instance and are dropped: a finished
/// attempt's saga is deleted.
/// </remarks>
public sealed class PaymentStateMachine : MassTransitStateMachine<PaymentAttemptState>
{
    public PaymentStateMachine(IOptions<PaymentSagaOptions> options, IOptions<SepaDebitOptions> sepaDebit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sepaDebit);
        InstanceState(x => x.CurrentState);
        Event(() => Assessed, e =>
        {
            e.CorrelateById(m => PaymentSagaId.For(m.Message.PaymentId));
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => Challenged, e =>
        {
            e.CorrelateById(m => PaymentSagaId.For(m.Message.Reference));
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => Posted, e =>
        {
            e.CorrelateById(m => PaymentSagaId.For(m.Message.ChargeId));
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => CaptureAsked, e =>
        {
            e.CorrelateById(m => PaymentSagaId.For(m.Message.ChargeId));
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => VoidAsked, e =>
        {
            e.CorrelateById(m => PaymentSagaId.For(m.Message.ChargeId));
            e.OnMissingInstance(m => m.Discard());
        });
        Schedule(() => AssessmentDeadline, x => x.AssessmentDeadlineTokenId, s =>
        {
            s.Delay = options.Value.FraudDeadline;
            s.Received = r =>
            {
                r.CorrelateById(m => PaymentSagaId.For(m.Message.ChargeId));
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => AuthorizationExpiry, x => x.AuthorizationExpiryTokenId, s =>
        {
            s.Delay = options.Value.AuthorizationValidity;
            s.Received = r =>
            {
                r.CorrelateById(m => PaymentSagaId.For(m.Message.ChargeId));
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => DebitSettlement, x => x.DebitSettlementTokenId, s =>
        {
            s.Delay = sepaDebit.Value.SettlementDelay;
            s.Received = r =>
            {
                r.CorrelateById(m => PaymentSagaId.For(m.Message.ChargeId));
                r.OnMissingInstance(m => m.Discard());
            };
        });

        During(Assessing,
            When(Assessed)
                .Unschedule(AssessmentDeadline)
                .ThenAsync(async c => await MoveAsync(c, await Steps(c).AssessedAsync(c.Saga, c.Message, c.CancellationToken))),
            When(AssessmentDeadline!.Received)
                .ThenAsync(async c => await MoveAsync(c, await Steps(c).AssessmentOverdueAsync(c.Saga, c.CancellationToken))));

        During(Authenticating,
            When(Challenged)
                .ThenAsync(async c => await MoveAsync(c, await Steps(c).AuthenticatedAsync(c.Saga, c.Message, c.CancellationToken))));

        WhenEnter(AwaitingCapture, x => x.Schedule(AuthorizationExpiry, c => new AuthorizationExpired { ChargeId = c.Saga.ChargeId }));

        During(AwaitingCapture,
            When(CaptureAsked)
                .Unschedule(AuthorizationExpiry)
                .ThenAsync(async c => await MoveAsync(c,
                    await Steps(c).CaptureAsync(c.Saga, c.Message.Amount, c.Message.ApplicationFeeAmount, c.CancellationToken))),
            When(VoidAsked)
                .Unschedule(AuthorizationExpiry)
                .ThenAsync(c => Steps(c).VoidAsync(c.Saga, c.Message.CancellationReason, c.CancellationToken))
                .Finalize(),
            When(AuthorizationExpiry!.Received)
                .ThenAsync(c => Steps(c).ExpireAsync(c.Saga, c.CancellationToken))
                .Finalize());

        WhenEnter(Settling, x => x.Schedule(DebitSettlement, c => new SepaDebitDue { ChargeId = c.Saga.ChargeId },
            c => c.Saga.SettlesLate ? sepaDebit.Value.LateSettlementDelay : sepaDebit.Value.SettlementDelay));

        During(Settling,
            When(DebitSettlement!.Received)
                .ThenAsync(async c => await MoveAsync(c, await Steps(c).DebitSettledAsync(c.Saga, c.CancellationToken))));

        During(Posting,
            When(Posted)
                .ThenAsync(c => Steps(c).PostedAsync(c.Saga, c.Message, c.CancellationToken))
                .Finalize());

        // Fraud answering twice, a capture racing a cancel: whatever arrives where it no longer applies changes nothing.
        During(Authenticating, AwaitingCapture, Settling, Posting, Ignore(Assessed), Ignore(AssessmentDeadline.Received));
        During(Assessing, Authenticating, Settling, Posting, Ignore(CaptureAsked), Ignore(VoidAsked));
        During(Assessing, Authenticating, AwaitingCapture, Settling, Ignore(Posted));
        During(Assessing, AwaitingCapture, Settling, Posting, Ignore(Challenged));
        During(Assessing, Authenticating, AwaitingCapture, Posting, Ignore(DebitSettlement.Received));
        During(Assessing, Authenticating, Settling, Posting, Ignore(AuthorizationExpiry.Received));

        SetCompletedWhenFinalized();
    }

    public State Assessing { get; private set; } = null!;

    public State Authenticating { get; private set; } = null!;

    public State AwaitingCapture { get; private set; } = null!;

    public State Settling { get; private set; } = null!;

    public State Posting { get; private set; } = null!;

    public Event<PaymentAssessed> Assessed { get; private set; } = null!;

    public Event<ChallengeCompleted> Challenged { get; private set; } = null!;

    public Event<ChargePosted> Posted { get; private set; } = null!;

    public Event<CaptureRequested> CaptureAsked { get; private set; } = null!;

    public Event<VoidRequested> VoidAsked { get; private set; } = null!;

    public Schedule<PaymentAttemptState, FraudAssessmentOverdue> AssessmentDeadline { get; private set; } = null!;

    public Schedule<PaymentAttemptState, SepaDebitDue> DebitSettlement { get; private set; } = null!;

    public Schedule<PaymentAttemptState, AuthorizationExpired> AuthorizationExpiry { get; private set; } = null!;

    static PaymentAttemptSteps Steps(BehaviorContext<PaymentAttemptState> context) => context.GetServiceOrCreateInstance<PaymentAttemptSteps>();

    Task MoveAsync(BehaviorContext<PaymentAttemptState> context, AttemptResult result) => result switch
    {
        AttemptResult.Failed or AttemptResult.Abandoned => context.TransitionToState(Final),
        AttemptResult.Authenticating => context.TransitionToState(Authenticating),
        AttemptResult.AwaitingCapture => context.TransitionToState(AwaitingCapture),
        AttemptResult.Settling => context.TransitionToState(Settling),
        AttemptResult.Posting => context.TransitionToState(Posting),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };
}
