namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>A submitted session's check, due a moment after the submission (durable, through the outbox). Internal to Onboarding.</summary>
public sealed record CheckVerificationSession
{
    public static readonly Uri Address = new("exchange:onboarding-check-verification-session");

    public required string SessionId { get; init; }

    /// <summary>What the hosted page received, to decide the outcome by Stripe's test values; never the ID number itself.</summary>
    public required bool DocumentFails { get; init; }

    public required bool IdNumberMismatches { get; init; }

    public VerifiedOutputs? Outputs { get; init; }
}
