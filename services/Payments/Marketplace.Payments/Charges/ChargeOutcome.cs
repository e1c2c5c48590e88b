using System.Text.Json.Serialization;
using Marketplace.Contracts.Fraud;
using Marketplace.Payments.Processor;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Stripe's charge <c>outcome</c>: Fraud's part (risk level and score, the rule, a block) and the network's part
/// (approved or declined, and why), joined in one place so every path of the saga writes it the same way.
/// </summary>
public sealed record ChargeOutcome
{
    public string? AdviceCode { get; init; }

    public string? NetworkAdviceCode { get; init; }

    public string? NetworkDeclineCode { get; init; }

    public required string NetworkStatus { get; init; }

    public string? Reason { get; init; }

    public required string RiskLevel { get; init; }

    /// <summary>Left out when Fraud gave none (Stripe's SDKs read it as a number, never null).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RiskScore { get; init; }

    public string? Rule { get; init; }

    public string? SellerMessage { get; init; }

    public required string Type { get; init; }

    /// <summary>The issuer approved; <c>manual_review</c> when Fraud opened a review, as Stripe marks it.</summary>
    public static ChargeOutcome Authorized(AssessmentOutcome assessment) => new()
    {
        NetworkStatus = "approved_by_network",
        Type = assessment.Type == "manual_review" ? "manual_review" : "authorized",
        Reason = assessment.Type == "manual_review" ? assessment.Reason : null,
        RiskLevel = assessment.RiskLevel,
        RiskScore = assessment.RiskScore,
        Rule = assessment.Rule,
        SellerMessage = "Payment complete.",
    };

    public static ChargeOutcome IssuerDeclined(AssessmentOutcome assessment, CardDecline decline) => new()
    {
        NetworkStatus = "declined_by_network",
        Type = "issuer_declined",
        Reason = decline.DeclineCode ?? decline.Code,
        RiskLevel = assessment.RiskLevel,
        RiskScore = assessment.RiskScore,
        SellerMessage = "The bank did not return any further details with this decline.",
    };

    /// <summary>The payer failed (or abandoned) the challenge: never sent to the network.</summary>
    public static ChargeOutcome NotAuthenticated(AssessmentOutcome assessment) => new()
    {
        NetworkStatus = "not_sent_to_network",
        Type = "invalid",
        RiskLevel = assessment.RiskLevel,
        RiskScore = assessment.RiskScore,
        SellerMessage = "The customer failed authentication.",
    };

    /// <summary>Fraud blocked it: never sent to the network.</summary>
    public static ChargeOutcome Blocked(AssessmentOutcome assessment) => new()
    {
        NetworkStatus = "not_sent_to_network",
        Type = "blocked",
        Reason = assessment.Reason,
        RiskLevel = assessment.RiskLevel,
        RiskScore = assessment.RiskScore,
        Rule = assessment.Rule,
        SellerMessage = assessment.SellerMessage ?? "Stripe blocked this payment as too risky.",
    };

    /// <summary>Fraud did not answer in time and the platform fails closed (decision 0009): never sent to the network.</summary>
    public static ChargeOutcome NotAssessed() => new()
    {
        NetworkStatus = "not_sent_to_network",
        Type = "invalid",
        RiskLevel = "not_assessed",
        SellerMessage = "The payment could not be assessed for fraud in time, so it was not sent to the card network.",
    };
}
