namespace Marketplace.Contracts.Fraud;

/// <summary>
/// A card issuer warned that a charge is likely fraudulent (Visa TC40, Mastercard SAFE), as the processor reports
/// it; the processor simulator publishes one for Stripe's early-fraud-warning test card (4000 0000 0000 5423) after
/// the charge succeeds. Fraud records it once per charge and raises <c>radar.early_fraud_warning.created</c>.
/// </summary>
public sealed record EarlyFraudWarningIssued
{
    public required string ChargeId { get; init; }

    public string? PaymentIntentId { get; init; }

    public required string PlatformId { get; init; }

    /// <summary>The account the charge is on.</summary>
    public required string AccountId { get; init; }

    /// <summary>Stripe's <c>fraud_type</c>: <c>card_never_received</c>, <c>fraudulent_card_application</c>, <c>made_with_counterfeit_card</c>, <c>made_with_lost_card</c>, <c>made_with_stolen_card</c>, <c>misc</c> or <c>unauthorized_use_of_card</c>.</summary>
    public required string FraudType { get; init; }

    /// <summary>False once the charge is refunded or disputed, when there is nothing left to act on.</summary>
    public bool Actionable { get; init; } = true;

    public required DateTimeOffset IssuedAt { get; init; }
}
