namespace Marketplace.Fraud.Scoring;

/// <summary>What the score is computed from: the payment's own signals, its velocity, and the customer's history.</summary>
public sealed record RiskFeatures
{
    public decimal? AmountInEur { get; init; }
    public string? CardCountry { get; init; }
    public string? IpCountry { get; init; }
    public string? CardFunding { get; init; }
    public string? CvcCheck { get; init; }
    public string? AddressLine1Check { get; init; }
    public string? AddressZipCheck { get; init; }
    public bool Is3DSecure { get; init; }
    public bool? IsNewCustomer { get; init; }
    public int? CardHourly { get; init; }
    public int? EmailDaily { get; init; }
    public int? IpHourly { get; init; }

    /// <summary>The customer's earlier assessed payments that were not blocked, and their average in euros.</summary>
    public int CustomerPayments { get; init; }
    public decimal? CustomerAverageEur { get; init; }

    /// <summary>The risk level one of Stripe's test cards forces, if the payment used one.</summary>
    public string? ForcedRiskLevel { get; init; }
}
