using Marketplace.Payments.PaymentMethods;

namespace Marketplace.Payments.Charges;

/// <summary>Stripe's <c>payment_method_details.card</c>; the features the simulator has no notion of are reported unavailable, as Stripe reports them for a card without them.</summary>
public sealed record ChargeCardDetails
{
    public long? AmountAuthorized { get; init; }

    public string? AuthorizationCode { get; init; }

    public required string Brand { get; init; }

    public required CardChecks Checks { get; init; }

    public required string Country { get; init; }

    public required long ExpMonth { get; init; }

    public required long ExpYear { get; init; }

    public CardFeatureStatus ExtendedAuthorization { get; init; } = new("disabled");

    public required string Fingerprint { get; init; }

    public required string Funding { get; init; }

    public CardFeatureStatus IncrementalAuthorization { get; init; } = new("unavailable");

    public object? Installments { get; init; }

    public required string Last4 { get; init; }

    public string? Mandate { get; init; }

    public CardFeatureStatus Multicapture { get; init; } = new("unavailable");

    public required string Network { get; init; }

    public string? NetworkTransactionId { get; init; }

    public string RegulatedStatus { get; init; } = "unregulated";

    /// <summary>Set once the payer went through a 3D Secure challenge for this charge.</summary>
    public ChargeThreeDSecure? ThreeDSecure { get; init; }

    public object? Wallet { get; init; }

    public static ChargeCardDetails For(PaymentMethodCard card, long amount)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new ChargeCardDetails
        {
            AmountAuthorized = amount,
            Brand = card.Brand,
            Checks = card.Checks,
            Country = card.Country,
            ExpMonth = card.ExpMonth,
            ExpYear = card.ExpYear,
            Fingerprint = card.Fingerprint,
            Funding = card.Funding,
            Last4 = card.Last4,
            Network = card.Brand,
            Wallet = card.Wallet,
        };
    }
}
