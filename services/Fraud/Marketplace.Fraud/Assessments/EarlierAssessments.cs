using Marketplace.Contracts.Fraud;

namespace Marketplace.Fraud.Assessments;

/// <summary>What an assessment reads before it counts the payment (<see cref="AssessmentStore.EarlierAsync"/>).</summary>
/// <param name="Answer">The answer already given for this payment, when a request for it was assessed before.</param>
/// <param name="CustomerPayments">The customer's earlier payments that were not blocked.</param>
/// <param name="CustomerAverageEur">Their average amount in euros.</param>
/// <param name="RuleSetVersion">The platform's rule set version, for <see cref="Rules.RuleSetCache"/>.</param>
internal sealed record EarlierAssessments(PaymentAssessed? Answer, int CustomerPayments, decimal? CustomerAverageEur, long RuleSetVersion);
