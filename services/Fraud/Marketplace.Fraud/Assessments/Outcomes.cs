using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Rules;
using Marketplace.Fraud.Rules.Language;
using Marketplace.Fraud.Scoring;

namespace Marketplace.Fraud.Assessments;

/// <summary>The charge <c>outcome</c> Stripe renders for each decision (type, reason, seller message).</summary>
internal static class Outcomes
{
    public static AssessmentOutcome For(RuleAction? action, string? ruleId, RiskScore risk)
    {
        var outcome = new AssessmentOutcome { RiskLevel = risk.Level, RiskScore = risk.Score, Rule = ruleId };
        return action switch
        {
            RuleAction.Block when ruleId == BuiltInRules.HighestRiskId || ruleId is null => outcome with
            {
                Type = "blocked",
                Reason = "highest_risk_level",
                NetworkStatus = "not_sent_to_network",
                SellerMessage = "Stripe blocked this payment as too risky.",
            },
            RuleAction.Block => outcome with
            {
                Type = "blocked",
                Reason = "rule",
                NetworkStatus = "not_sent_to_network",
                SellerMessage = "Stripe blocked this payment because it matched a rule.",
            },
            RuleAction.Review => outcome with
            {
                Type = "manual_review",
                Reason = "rule",
                SellerMessage = "Stripe placed this payment in review because it matched a rule.",
            },
            RuleAction.RequestThreeDSecure => outcome,
            _ => outcome with { Type = "authorized" },
        };
    }
}
