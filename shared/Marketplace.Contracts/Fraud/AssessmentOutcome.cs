namespace Marketplace.Contracts.Fraud;

/// <summary>
/// The fields of Stripe's charge <c>outcome</c> that Fraud decides: <c>blocked</c> with reason
/// <c>highest_risk_level</c> or <c>rule</c>; <c>manual_review</c> with reason <c>rule</c>; <c>authorized</c> (so far
/// as fraud goes: the processor may still decline) with no reason. Null type for <c>request_3ds</c>, whose outcome
/// comes after the challenge.
/// </summary>
public sealed record AssessmentOutcome
{
    public string? Type { get; init; }

    public string? Reason { get; init; }

    public required string RiskLevel { get; init; }

    public required int RiskScore { get; init; }

    /// <summary>The id of the rule that decided, as <c>outcome.rule</c>.</summary>
    public string? Rule { get; init; }

    /// <summary><c>not_sent_to_network</c> for a blocked payment; null otherwise (the processor sets it).</summary>
    public string? NetworkStatus { get; init; }

    public string? SellerMessage { get; init; }
}
