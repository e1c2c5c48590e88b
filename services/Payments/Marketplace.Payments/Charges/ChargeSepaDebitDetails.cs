using Marketplace.Payments.PaymentMethods;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Stripe's <c>sepa_debit</c> part of a charge's <c>payment_method_details</c>: what may be shown of the IBAN, and the
/// mandate the debit was made under.
/// </summary>
public sealed record ChargeSepaDebitDetails
{
    public string? BankCode { get; init; }

    public string? BranchCode { get; init; }

    public required string Country { get; init; }

    public required string Fingerprint { get; init; }

    public required string Last4 { get; init; }

    public string? Mandate { get; init; }

    public static ChargeSepaDebitDetails For(PaymentMethodSepaDebit method, string? mandate)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new ChargeSepaDebitDetails
        {
            BankCode = method.BankCode, BranchCode = method.BranchCode, Country = method.Country, Fingerprint = method.Fingerprint, Last4 = method.Last4, Mandate = mandate,
        };
    }
}
