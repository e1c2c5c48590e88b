using MassTransit;

namespace Marketplace.Onboarding.Verification;

/// <summary>One account's verification: where it stands, and what the running check must remember.</summary>
public sealed class AccountVerificationState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public string AccountId { get; set; } = "";

    /// <summary>Details changed while a check ran: its answer is about stale data, so the check runs again instead.</summary>
    public bool Rerun { get; set; }

    /// <summary>The account reached its next threshold: from then on its missing eventually-due fields are due by a deadline.</summary>
    public bool PastThreshold { get; set; }

    /// <summary>The fields the next threshold asks for, from the identity check (or the threshold itself), until an outcome applies them.</summary>
    public List<string> ThresholdDue { get; set; } = [];

    public Guid? DeadlineTokenId { get; set; }

    /// <summary>The threshold's deadline passed: a later verification does not grant a new one.</summary>
    public bool DeadlinePassed { get; set; }

    /// <summary>How many checks ran to an outcome, for operators and tests.</summary>
    public int Completed { get; set; }
}
