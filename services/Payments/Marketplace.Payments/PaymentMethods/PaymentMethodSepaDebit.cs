namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>sepa_debit</c> hash: what may be shown of an IBAN. The IBAN itself is in the vault.</summary>
public sealed record PaymentMethodSepaDebit
{
    public string? BankCode { get; init; }

    public string? BranchCode { get; init; }

    public required string Country { get; init; }

    /// <summary>A keyed hash of the IBAN: the same account gives the same value.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Set when the mandate came from a charge or setup attempt of another method (iDEAL, Bancontact), which a later slice brings.</summary>
    public SepaDebitGeneratedFrom GeneratedFrom { get; init; } = new(null, null);

    public required string Last4 { get; init; }
}
