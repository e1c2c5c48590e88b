namespace Marketplace.Payments.PaymentSaga;

/// <summary>Scheduled when the saga asks Fraud; arriving before Fraud's answer, it fails the attempt closed (decision 0009).</summary>
public sealed record FraudAssessmentOverdue
{
    public required string ChargeId { get; init; }
}
