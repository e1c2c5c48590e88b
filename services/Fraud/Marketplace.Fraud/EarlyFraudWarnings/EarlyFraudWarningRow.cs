namespace Marketplace.Fraud.EarlyFraudWarnings;

/// <summary>An <c>early_fraud_warnings</c> row as Dapper reads it.</summary>
internal sealed record EarlyFraudWarningRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Charge { get; init; }
    public string? PaymentIntent { get; init; }
    public required string FraudType { get; init; }
    public bool Actionable { get; init; }
    public DateTime Created { get; init; }

    public EarlyFraudWarning ToWarning() => new()
    {
        Id = Id,
        Charge = Charge,
        PaymentIntent = PaymentIntent,
        FraudType = FraudType,
        Actionable = Actionable,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
    };
}
