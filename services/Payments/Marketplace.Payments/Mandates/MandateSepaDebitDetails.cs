namespace Marketplace.Payments.Mandates;

/// <summary>
/// Stripe's <c>payment_method_details[sepa_debit]</c> of a mandate: the reference the payer's bank shows with each
/// debit, and the page that shows the mandate (its address is the page's credential: share it with the payer only).
/// </summary>
public sealed record MandateSepaDebitDetails(string Reference, Uri Url);
