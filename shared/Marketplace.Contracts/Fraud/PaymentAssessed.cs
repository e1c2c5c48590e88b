namespace Marketplace.Contracts.Fraud;

/// <summary>Fraud's answer to <see cref="AssessPayment"/>: what to do with the payment, and why.</summary>
public sealed record PaymentAssessed
{
    public required string PaymentId { get; init; }

    /// <summary>The assessment's id (<c>frasm_…</c>), which a review and later rule tests refer to.</summary>
    public required string AssessmentId { get; init; }

    /// <summary><c>allow</c>, <c>block</c>, <c>review</c> (allow, and open a review) or <c>request_3ds</c>.</summary>
    public required string Action { get; init; }

    /// <summary>0 to 100.</summary>
    public required int RiskScore { get; init; }

    /// <summary><c>normal</c> (below 65), <c>elevated</c> (65 to 74) or <c>highest</c> (75 and above).</summary>
    public required string RiskLevel { get; init; }

    /// <summary>The rule that decided; null when none matched and the payment is allowed by default.</summary>
    public AssessedRule? Rule { get; init; }

    /// <summary>What raised or lowered the score, largest effect first.</summary>
    public required IReadOnlyList<RiskFactor> Factors { get; init; }

    /// <summary>The charge's <c>outcome</c> as far as Fraud decides it.</summary>
    public required AssessmentOutcome Outcome { get; init; }

    /// <summary>The review opened for a <c>review</c> action (<c>prv_…</c>).</summary>
    public string? ReviewId { get; init; }
}
