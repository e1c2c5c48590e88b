namespace Marketplace.Payments.Processor;

/// <summary>An acquirer's answer to an authorisation.</summary>
/// <param name="AuthorizationId">The acquirer's reference, to capture, void or refund; set only when approved.</param>
/// <param name="Decline">Why it was declined; set only when declined.</param>
/// <param name="Aftermath">What will happen to the payment later (disputes, warnings, refund behaviour), for the saga to act out.</param>
public sealed record AuthorizationResult(
    AuthorizationStatus Status,
    string? AuthorizationId,
    CardDecline? Decline,
    VerificationChecks Checks,
    CardAftermath Aftermath)
{
    public bool Approved => Status == AuthorizationStatus.Approved;
}
