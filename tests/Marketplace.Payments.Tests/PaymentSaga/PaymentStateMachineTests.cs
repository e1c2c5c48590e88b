using Marketplace.Contracts.Fraud;
using Marketplace.Contracts.Ledger;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.PaymentSaga;
using MassTransit;
using MassTransit.Saga;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payments.Tests.PaymentSaga;

/// <summary>
/// The payment state machine alone, on MassTransit's in-memory test harness: which messages it drops or ignores, in
/// which states. Every transition that does work runs a step of <see cref="PaymentAttemptSteps"/>, which reads and
/// writes the charge and intent rows in the consume transaction of our Postgres inbox, so those are tested against
/// real PostgreSQL and RabbitMQ instead (SepaDebitPaymentTests, IncrementAuthorizationTests); what needs no step is here.
/// </summary>
public sealed class PaymentStateMachineTests : IAsyncLifetime
{
    const string ChargeId = "ch_statemachine0000000001";

    ServiceProvider _provider = null!;
    ITestHarness _harness = null!;
    ISagaStateMachineTestHarness<PaymentStateMachine, PaymentAttemptState> _saga = null!;

    static Guid SagaId => PaymentSagaId.For(ChargeId);

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void TheStateAConfirmWritesTheSagaIn_IsTheMachinesAssessing() =>
        Assert.Equal(PaymentSagaStart.FirstState, _saga.StateMachine.Assessing.Name);

    [Fact]
    public async Task ChallengeCompleted_ForAnUnknownAttempt_IsDiscardedWithoutAFault()
    {
        await _harness.Bus.Publish(
            new ChallengeCompleted { ChallengeId = "chl_1", Subject = "pi_1", Reference = ChargeId, Kind = "three_d_secure", Succeeded = true }, Cancellation);

        Assert.True(await _harness.Consumed.Any<ChallengeCompleted>(Cancellation));
        Assert.Null(_saga.Sagas.Contains(SagaId));
        Assert.False(await _harness.Published.Any<Fault<ChallengeCompleted>>(Cancellation));
    }

    [Fact]
    public async Task SepaDebitDue_OfAnAttemptAlreadyAtRest_IsDiscardedWithoutAFault()
    {
        await _harness.Bus.Publish(new SepaDebitDue { ChargeId = ChargeId }, Cancellation);

        Assert.True(await _harness.Consumed.Any<SepaDebitDue>(Cancellation));
        Assert.Null(_saga.Sagas.Contains(SagaId));
        Assert.False(await _harness.Published.Any<Fault<SepaDebitDue>>(Cancellation));
    }

    [Fact]
    public async Task Settling_IgnoresFraudCaptureVoidAndTheLedgerUntilTheSchemeAnswers()
    {
        Seed(machine => machine.Settling);

        await _harness.Bus.Publish(Assessed(), Cancellation);
        await _harness.Bus.Publish(new FraudAssessmentOverdue { ChargeId = ChargeId }, Cancellation);
        await _harness.Bus.Publish(new CaptureRequested { ChargeId = ChargeId, Amount = 1000 }, Cancellation);
        await _harness.Bus.Publish(new VoidRequested { ChargeId = ChargeId, CancellationReason = "requested_by_customer" }, Cancellation);
        await _harness.Bus.Publish(
            new ChargePosted { ChargeId = ChargeId, JournalTransactionId = "jtx_1", BalanceTransactionId = "txn_1", Fee = 0 }, Cancellation);

        await Eventually(() => _saga.Consumed.Select<ChargePosted>().Any() && _saga.Consumed.Select<VoidRequested>().Any()
            && _saga.Consumed.Select<CaptureRequested>().Any() && _saga.Consumed.Select<FraudAssessmentOverdue>().Any()
            && _saga.Consumed.Select<PaymentAssessed>().Any());
        Assert.Equal(_saga.StateMachine.Settling.Name, _saga.Sagas.Contains(SagaId)!.CurrentState);
        Assert.False(await _harness.Published.Any<Fault>(Cancellation));
    }

    [Fact]
    public async Task Authenticating_IgnoresAFraudDeadlineOrAnswerThatComesAfterFraudAnswered()
    {
        Seed(machine => machine.Authenticating);

        await _harness.Bus.Publish(new FraudAssessmentOverdue { ChargeId = ChargeId }, Cancellation);
        await _harness.Bus.Publish(Assessed(), Cancellation);

        await Eventually(() => _saga.Consumed.Select<FraudAssessmentOverdue>().Any() && _saga.Consumed.Select<PaymentAssessed>().Any());
        Assert.Equal(_saga.StateMachine.Authenticating.Name, _saga.Sagas.Contains(SagaId)!.CurrentState);
        Assert.False(await _harness.Published.Any<Fault>(Cancellation));
    }

    /// <summary>An attempt as the saga left it in <paramref name="state"/>, put straight into the in-memory repository.</summary>
    void Seed(Func<PaymentStateMachine, State> state) =>
        _provider.GetRequiredService<IndexedSagaDictionary<PaymentAttemptState>>().Add(new SagaInstance<PaymentAttemptState>(new PaymentAttemptState
        {
            CorrelationId = SagaId,
            CurrentState = state(_saga.StateMachine).Name,
            ChargeId = ChargeId,
            PaymentIntentId = "pi_statemachine0000000001",
        }));

    static PaymentAssessed Assessed() => new()
    {
        PaymentId = ChargeId,
        AssessmentId = "frasm_1",
        Action = "allow",
        RiskScore = 10,
        RiskLevel = "normal",
        Factors = [],
        Outcome = new AssessmentOutcome { Type = "authorized", RiskLevel = "normal", RiskScore = 10 },
    };

    static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, Cancellation);
        }

        Assert.True(condition());
    }

    public async ValueTask InitializeAsync()
    {
        _provider = new ServiceCollection()
            .AddOptions()
            .AddMassTransitTestHarness(bus => bus.AddSagaStateMachine<PaymentStateMachine, PaymentAttemptState>())
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _saga = _harness.GetSagaStateMachineHarness<PaymentStateMachine, PaymentAttemptState>();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }
}
