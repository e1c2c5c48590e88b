namespace Marketplace.Payments.SepaDebit;

/// <summary>
/// Stripe's SEPA Direct Debit test IBANs, honoured as Stripe's test mode honours them: a debit from
/// <c>DE62370400440532013001</c> is returned, from <c>DE78370400440532013004</c> returned after three minutes, from
/// <c>DE08370400440532013003</c> settled after three minutes; every other valid IBAN settles (Stripe's
/// <c>DE35370400440532013002</c> then opens a dispute, which this simulator does not yet do).
/// </summary>
internal static class SepaTestAccounts
{
    /// <summary>Stripe's failure for a returned test debit, as its charges show it.</summary>
    public const string FailureCode = "insufficient_funds";

    public const string FailureMessage = "The customer's account has insufficient funds to cover this payment.";

    public static SepaDebitResult For(string iban) => iban switch
    {
        "DE62370400440532013001" => new(Settles: false, Late: false),
        "DE78370400440532013004" => new(Settles: false, Late: true),
        "DE08370400440532013003" => new(Settles: true, Late: true),
        _ => new(Settles: true, Late: false),
    };
}
