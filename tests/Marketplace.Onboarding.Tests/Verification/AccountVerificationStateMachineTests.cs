using Marketplace.Onboarding.Verification;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Onboarding.Tests.Verification;

/// <summary>The state machine alone, on MassTransit's in-memory test harness: out-of-order and duplicate messages, thresholds.</summary>
public sealed class AccountVerificationStateMachineTests : IAsyncLifetime
{
    const string AccountId = "acct_statemachine000000001";
    const string Document = "individual.verification.document";

    ServiceProvider _provider = null!;
    ITestHarness _harness = null!;
    ISagaStateMachineTestHarness<AccountVerificationStateMachine, AccountVerificationState> _saga = null!;

    static Guid SagaId => VerificationSagaId.For(AccountId);

    [Fact]
    public async Task DetailsChangedDuringACheck_RestartTheCheck_SoTheOutcomeIsAboutTheLatestDetails()
    {
        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, TestContext.Current.CancellationToken);
        await StateAsync(machine => machine.CheckingIdentity);
        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, TestContext.Current.CancellationToken);
        await Eventually(() => _saga.Sagas.Contains(SagaId)?.Rerun == true);

        await _harness.Bus.Publish(new IdentityChecked { AccountId = AccountId, Errors = [], ThresholdDue = [] }, TestContext.Current.CancellationToken);
        await Eventually(() => _harness.Sent.Select<CheckIdentity>().Count() == 2);

        Assert.Empty(_harness.Sent.Select<ScreenSanctions>(TestContext.Current.CancellationToken));
        Assert.False(_saga.Sagas.Contains(SagaId)!.Rerun);
        await StateAsync(machine => machine.CheckingIdentity);
    }

    [Fact]
    public async Task DetailsChangedDuringScreening_RestartTheCheck_InsteadOfApplyingTheScreening()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, cancellation);
        await _harness.Bus.Publish(new IdentityChecked { AccountId = AccountId, Errors = [], ThresholdDue = [] }, cancellation);
        await StateAsync(machine => machine.Screening);
        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, cancellation);
        await Eventually(() => _saga.Sagas.Contains(SagaId)?.Rerun == true);

        await _harness.Bus.Publish(new SanctionsScreened { AccountId = AccountId, Listed = false }, cancellation);
        await StateAsync(machine => machine.CheckingIdentity);

        Assert.Empty(_harness.Sent.Select<ApplyVerificationOutcome>(cancellation));
        Assert.Equal(2, _harness.Sent.Select<CheckIdentity>(cancellation).Count());
        Assert.Equal(0, _saga.Sagas.Contains(SagaId)!.Completed);
    }

    [Fact]
    public async Task ARejectedAccount_IgnoresLaterRequestsAndAnswers()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, cancellation);
        await _harness.Bus.Publish(new IdentityChecked { AccountId = AccountId, Errors = [], ThresholdDue = [] }, cancellation);
        await StateAsync(machine => machine.Screening);
        await _harness.Bus.Publish(new SanctionsScreened { AccountId = AccountId, Listed = true, MatchedEntry = "90001" }, cancellation);
        await StateAsync(machine => machine.Rejected);

        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, cancellation);
        await _harness.Bus.Publish(new SanctionsScreened { AccountId = AccountId, Listed = false }, cancellation);
        await Eventually(() => _harness.Consumed.Select<SanctionsScreened>().Count() == 2);

        await StateAsync(machine => machine.Rejected);
        Assert.Single(_harness.Sent.Select<CheckIdentity>(cancellation));
        var outcome = Assert.Single(_harness.Sent.Select<ApplyVerificationOutcome>(cancellation)).Context.Message;
        Assert.Equal(("rejected", "rejected.listed"), (outcome.Outcome, outcome.RejectedReason));
    }

    [Fact]
    public async Task AThresholdReachedDuringACheck_MakesTheVerificationAskForTheMissingFieldsByADeadline()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, cancellation);
        await _harness.Bus.Publish(new IdentityChecked { AccountId = AccountId, Errors = [], ThresholdDue = [Document] }, cancellation);
        await StateAsync(machine => machine.Screening);
        await _harness.Bus.Publish(new ThresholdReached { AccountId = AccountId, Fields = [Document] }, cancellation);
        await Eventually(() => _saga.Sagas.Contains(SagaId)?.PastThreshold == true);

        await _harness.Bus.Publish(new SanctionsScreened { AccountId = AccountId, Listed = false }, cancellation);
        await StateAsync(machine => machine.Verified);

        var outcome = Assert.Single(_harness.Sent.Select<ApplyVerificationOutcome>(cancellation)).Context.Message;
        Assert.Equal("verified", outcome.Outcome);
        Assert.Equal([Document], outcome.ThresholdDue);
        Assert.NotNull(outcome.CurrentDeadline);
    }

    [Fact]
    public async Task WithoutAThreshold_TheVerificationLeavesTheFieldsEventuallyDue_AndOnlyTheFirstThresholdAsksForThem()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _harness.Bus.Publish(new VerificationRequested { AccountId = AccountId }, cancellation);
        await _harness.Bus.Publish(new IdentityChecked { AccountId = AccountId, Errors = [], ThresholdDue = [Document] }, cancellation);
        await StateAsync(machine => machine.Screening);
        await _harness.Bus.Publish(new SanctionsScreened { AccountId = AccountId, Listed = false }, cancellation);
        await StateAsync(machine => machine.Verified);
        var verified = Assert.Single(_harness.Sent.Select<ApplyVerificationOutcome>(cancellation)).Context.Message;

        await _harness.Bus.Publish(new ThresholdReached { AccountId = AccountId, Fields = [Document] }, cancellation);
        await Eventually(() => _harness.Sent.Select<ApplyVerificationOutcome>().Count() == 2);
        await _harness.Bus.Publish(new ThresholdReached { AccountId = AccountId, Fields = [Document] }, cancellation);
        await Eventually(() => _harness.Consumed.Select<ThresholdReached>().Count() == 2);

        Assert.Equal(("verified", 0, null), (verified.Outcome, verified.ThresholdDue.Count, verified.CurrentDeadline));
        var due = _harness.Sent.Select<ApplyVerificationOutcome>(cancellation).Last().Context.Message;
        Assert.Equal([Document], due.ThresholdDue);
        Assert.NotNull(due.CurrentDeadline);
        Assert.Equal(2, _harness.Sent.Select<ApplyVerificationOutcome>(cancellation).Count());
        await StateAsync(machine => machine.Verified);
    }

    async Task StateAsync(Func<AccountVerificationStateMachine, State> state) =>
        Assert.NotNull(await _saga.Exists(SagaId, state, TimeSpan.FromSeconds(5)));

    static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    public async ValueTask InitializeAsync()
    {
        _provider = new ServiceCollection()
            .AddOptions()
            .AddMassTransitTestHarness(bus =>
            {
                // The threshold's deadline is a scheduled message: the in-memory transport's own delay stands in for the outbox scheduler.
                bus.AddDelayedMessageScheduler();
                bus.AddSagaStateMachine<AccountVerificationStateMachine, AccountVerificationState>();
                bus.UsingInMemory((context, memory) =>
                {
                    memory.UseDelayedMessageScheduler();
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _saga = _harness.GetSagaStateMachineHarness<AccountVerificationStateMachine, AccountVerificationState>();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }
}
