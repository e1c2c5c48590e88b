using Marketplace.Api.Documentation;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>The payment method endpoints' parameters as the API reference lists them.</summary>
public static class PaymentMethodParameters
{
    static readonly FormParameter[] Writable =
    [
        new("billing_details", "address (line1, line2, city, state, postal_code, country), email, name, phone, tax_id."),
        new("metadata", "Up to 50 keys of 40 characters with values of 500; an empty value deletes a key."),
    ];

    public static readonly FormParameter[] Create =
    [
        new("type", "card, sepa_debit, ideal, bancontact or paypal.", Required: true),
        new("card", "number, exp_month, exp_year and cvc; or token, one of Stripe's test tokens (tok_visa…), or ours for wallet cards (tok_visa_applePay, tok_visa_googlePay)."),
        new("sepa_debit", "iban: the account's IBAN."),
        new("ideal", "bank: the payer's bank (abn_amro, ing, rabobank…)."),
        .. Writable,
    ];

    public static readonly FormParameter[] Update = Writable;

    public static readonly FormParameter[] Attach = [new("customer", "The customer to attach the payment method to.", Required: true)];

    public static readonly FormParameter[] List =
    [
        new("customer", "Only the customer's payment methods."),
        new("type", "Only methods of this type: card, sepa_debit, ideal, bancontact or paypal."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A payment method id: the page after it."),
        new("ending_before", "A payment method id: the page before it."),
    ];
}
