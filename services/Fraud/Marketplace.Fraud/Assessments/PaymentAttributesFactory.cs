using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Rules.Language;
using Marketplace.Fraud.Scoring;
using Marketplace.Fraud.Velocity;

namespace Marketplace.Fraud.Assessments;

/// <summary>The attributes rules read, from the request and what the assessment computed (score, velocity, history).</summary>
internal static class PaymentAttributesFactory
{
    public static PaymentAttributes Create(
        AssessPayment request, decimal? amountInEur, RiskScore risk, bool? isNewCustomer,
        VelocityCount? card, VelocityCount? email, VelocityCount? ip) => new()
    {
        [RuleAttributes.AmountInEur] = (double?)amountInEur,
        [RuleAttributes.Amount] = (double)request.Amount,
        [RuleAttributes.Currency] = request.Currency,
        [RuleAttributes.CardCountry] = request.CardCountry,
        [RuleAttributes.CardBrand] = request.CardBrand,
        [RuleAttributes.CardFunding] = request.CardFunding,
        [RuleAttributes.CardFingerprint] = request.CardFingerprint,
        [RuleAttributes.CardBin] = request.CardBin,
        [RuleAttributes.IpAddress] = request.IpAddress,
        [RuleAttributes.IpCountry] = request.IpCountry,
        [RuleAttributes.Email] = request.Email,
        [RuleAttributes.EmailDomain] = request.Email is { } address && address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..] : null,
        [RuleAttributes.RiskScore] = (double)risk.Score,
        [RuleAttributes.RiskLevel] = risk.Level,
        [RuleAttributes.CvcCheck] = request.CvcCheck,
        [RuleAttributes.AddressLine1Check] = request.AddressLine1Check,
        [RuleAttributes.AddressZipCheck] = request.AddressZipCheck,
        [RuleAttributes.Is3DSecure] = request.Is3DSecure,
        [RuleAttributes.IsNewCustomer] = isNewCustomer,
        [RuleAttributes.CustomerId] = request.CustomerId,
        [RuleAttributes.Destination] = request.Destination,
        [RuleAttributes.Wallet] = request.Wallet,
        [RuleAttributes.ChargesPerCardHourly] = (double?)card?.Hourly,
        [RuleAttributes.ChargesPerCardDaily] = (double?)card?.Daily,
        [RuleAttributes.ChargesPerEmailHourly] = (double?)email?.Hourly,
        [RuleAttributes.ChargesPerEmailDaily] = (double?)email?.Daily,
        [RuleAttributes.ChargesPerIpHourly] = (double?)ip?.Hourly,
        [RuleAttributes.ChargesPerIpDaily] = (double?)ip?.Daily,
        Metadata = request.Metadata,
    };
}
