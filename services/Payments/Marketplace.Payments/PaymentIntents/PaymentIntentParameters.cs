using Marketplace.Api.Documentation;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>The payment intent endpoints' parameters as the API reference lists them.</summary>
public static class PaymentIntentParameters
{
    static readonly FormParameter ExpandLatestCharge = new("expand", "latest_charge: the charge object instead of its id.");

    static readonly FormParameter[] Writable =
    [
        new("customer", "The customer the payment is for; a saved payment method must belong to it."),
        new("payment_method", "A payment method id, or one of Stripe's test ids (pm_card_visa…)."),
        new("payment_method_types", "The method types allowed (card, sepa_debit, ideal, bancontact, paypal); card when none. Also read as allowed_payment_method_types."),
        new("capture_method", "automatic_async (default), automatic, or manual (authorise now, capture later)."),
        new("description", "Shown on the charge."),
        new("receipt_email", "Where a receipt would be sent."),
        new("statement_descriptor", "Up to 22 characters."),
        new("statement_descriptor_suffix", "Up to 22 characters."),
        new("setup_future_usage", "on_session or off_session: keep the method for later payments."),
        new("application_fee_amount", "The platform's fee, for a direct charge (Stripe-Account) or a destination charge."),
        new("transfer_group", "Groups the payment with separate transfers."),
        new("metadata", "Up to 50 keys of 40 characters with values of 500; an empty value deletes a key."),
    ];

    static readonly FormParameter[] Confirmation =
    [
        new("payment_method_options", "card[request_incremental_authorization]: if_available (a manually captured card may then be incremented) or never."),
        new("off_session", "true (or one_off, recurring): the customer is not present, so no authentication can be asked of them."),
        new("return_url", "Where the payer returns after a redirect (3D Secure, bank pages)."),
        new("mandate_data", "customer_acceptance (type online with online[ip_address] and [user_agent], or offline; accepted_at): the payer's SEPA Direct Debit mandate."),
        new("mandate", "An active mandate of the payment method, instead of mandate_data."),
    ];

    public static readonly FormParameter[] Create =
    [
        new("amount", "In the currency's minor unit, at least the currency's minimum.", Required: true),
        new("currency", "Three-letter ISO code, lowercase.", Required: true),
        new("confirm", "true: confirm at once (the confirm's parameters apply)."),
        new("confirmation_method", "automatic or manual."),
        new("on_behalf_of", "The connected account the payment settles for (its currency, its statement descriptor)."),
        new("transfer_data", "destination (a connected account) and amount: a destination charge."),
        .. Writable,
        .. Confirmation,
        ExpandLatestCharge,
    ];

    public static readonly FormParameter[] Update =
    [
        new("amount", "While the intent still needs a payment method or a confirm."),
        new("currency", "While the intent still needs a payment method or a confirm."),
        new("transfer_data", "amount: the destination's share."),
        .. Writable,
        ExpandLatestCharge,
    ];

    public static readonly FormParameter[] Confirm =
    [
        new("payment_method", "The method to pay with, if not set already."),
        new("setup_future_usage", "on_session or off_session."),
        new("receipt_email", "Where a receipt would be sent."),
        .. Confirmation,
        ExpandLatestCharge,
    ];

    public static readonly FormParameter[] Capture =
    [
        new("amount_to_capture", "At most amount_capturable; what is not captured is released. All of it when omitted."),
        new("application_fee_amount", "The platform's fee on what is captured."),
        ExpandLatestCharge,
    ];

    public static readonly FormParameter[] IncrementAuthorization =
    [
        new("amount", "The new total to authorize, greater than the current amount.", Required: true),
        new("application_fee_amount", "The platform's fee on the new total."),
        new("description", "Replaces the description."),
        new("metadata", "Up to 50 keys of 40 characters with values of 500; an empty value deletes a key."),
        new("transfer_data", "amount: the destination's share of the new total."),
        ExpandLatestCharge,
    ];

    public static readonly FormParameter[] Cancel =
    [
        new("cancellation_reason", "duplicate, fraudulent, requested_by_customer or abandoned."),
        ExpandLatestCharge,
    ];

    public static readonly FormParameter[] Retrieve = [new("client_secret", "Accepted for publishable-key callers."), ExpandLatestCharge];

    public static readonly FormParameter[] List =
    [
        new("customer", "Only the customer's payment intents."),
        new("created", "A timestamp, or created[gt|gte|lt|lte]."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A payment intent id: the page after it."),
        new("ending_before", "A payment intent id: the page before it."),
    ];

    public static readonly FormParameter[] Search =
    [
        new("query", "Stripe's search query language: status:'succeeded', amount>1000, currency:'eur', customer:'cus_…', metadata['key']:'value', created<…, joined by AND or OR.", Required: true),
        new("limit", "1 to 100, default 10."),
        new("page", "The next_page token of the previous result."),
        ExpandLatestCharge,
    ];
}
