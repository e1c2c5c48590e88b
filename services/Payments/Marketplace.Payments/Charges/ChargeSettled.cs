namespace Marketplace.Payments.Charges;

/// <summary>
/// Internal to Payments: a captured charge's money is in the Ledger. From here on it can be refunded or disputed; what
/// the acquirer said will happen to it (<c>charges.aftermath</c>: a dispute, an early fraud warning) is acted out.
/// Published by the payment saga through the outbox, only for a charge whose aftermath has something to act out.
/// </summary>
public sealed record ChargeSettled
{
    public required string ChargeId { get; init; }

    public required string PaymentIntentId { get; init; }

    public required string PlatformId { get; init; }

    /// <summary>The account the charge is on.</summary>
    public required string AccountId { get; init; }
}
