namespace Marketplace.Onboarding.Verification;

/// <summary>Scheduled by the saga at <c>current_deadline</c>; delivered from the outbox, so a restart in between loses nothing.</summary>
public sealed record VerificationDeadlinePassed
{
    public required string AccountId { get; init; }
}
