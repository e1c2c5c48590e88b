namespace Marketplace.Payments.SepaDebit;

/// <summary>
/// Stripe's SEPA Direct Debit test IBANs, honoured as Stripe's test mode honours them: a debit from
/// <c>DE62370400440532013001</c> is returned, from <c>DE78370400440532013004</c> returned after three minutes, from
/// <c>DE08370400440532013003</c> settled after three minutes, from <c>DE35370400440532013002</c> settled and then
/// disputed; every other valid IBAN settles.
/// </summary>
internal static class SepaTestAccounts
{
    /// <summary>Stripe's failure for a returned test debit, as its charges show it.</summary>
    public const string FailureCode = "insufficient_funds";

    public const string FailureMessage = "The customer's account has insufficient funds to cover this payment.";

    /// <summary>A payer's bank takes a debit back without asking why, so its dispute names no particular reason.</summary>
    public const string DisputeReason = "general";

    public static SepaDebitResult For(string iban) => iban switch
    {
        "DE62370400440532013001" => new(Settles: false, Late: false),
        "DE78370400440532013004" => new(Settles: false, Late: true),
        "DE08370400440532013003" => new(Settles: true, Late: true),
        "DE35370400440532013002" => new(Settles: true, Late: false, Disputed: true),
        _ => new(Settles: true, Late: false),
    };
}
