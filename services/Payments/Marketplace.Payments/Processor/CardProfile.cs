namespace Marketplace.Payments.Processor;

/// <summary>
/// What is known of a card number before it is charged: its network data, and the risk hints Fraud reads (the
/// acquirer only reports them; Fraud decides).
/// </summary>
/// <param name="Brand">Stripe's <c>brand</c>: <c>visa</c>, <c>mastercard</c>, <c>amex</c>, <c>discover</c>, <c>diners</c>, <c>jcb</c>, <c>unionpay</c>, <c>unknown</c>.</param>
/// <param name="Country">The issuer's ISO country.</param>
/// <param name="Funding"><c>credit</c>, <c>debit</c>, <c>prepaid</c> or <c>unknown</c>.</param>
/// <param name="RiskLevel"><c>elevated</c> or <c>highest</c> for the cards Stripe's Radar scores so; null otherwise.</param>
/// <param name="AlwaysBlocked">Radar blocks it whatever the rules (<c>4100000000000019</c>).</param>
/// <param name="ChargeDeclined">The card attaches, but every charge is declined (<c>4000000000000341</c>).</param>
public sealed record CardProfile(
    string Brand,
    string Country,
    string Funding,
    ThreeDSecureRequirement ThreeDSecure,
    string? RiskLevel = null,
    bool AlwaysBlocked = false,
    bool ChargeDeclined = false);
