using Marketplace.Api.Documentation;

namespace Marketplace.Payments.SetupIntents;

/// <summary>The setup intent endpoints' parameters as the API reference lists them.</summary>
public static class SetupIntentParameters
{
    static readonly FormParameter[] Writable =
    [
        new("customer", "The customer the payment method is attached to once set up."),
        new("description", "Shown to you only; an empty value clears it."),
        new("metadata", "Up to 50 keys of 40 characters with values of 500; an empty value deletes a key."),
        new("payment_method", "The payment method to set up: pm_… of this account, or a Stripe test id (pm_card_visa…)."),
        new("allowed_payment_method_types", "card, sepa_debit, ideal, bancontact, paypal (payment_method_types, the older name, too)."),
        new("flow_directions", "inbound and/or outbound."),
    ];

    static readonly FormParameter ReturnUrl = new("return_url", "Where the hosted authentication page sends the payer afterwards.");

    static readonly FormParameter Expand = new("expand", "payment_method and customer are written as their objects (data.payment_method in a list).");

    static readonly FormParameter[] Mandate =
    [
        new("mandate_data", "customer_acceptance (type online with online[ip_address] and [user_agent], or offline; accepted_at): the payer's SEPA Direct Debit mandate."),
        new("mandate", "An active mandate of the payment method, instead of mandate_data."),
    ];

    static readonly FormParameter ClientSecret = new("client_secret", "The intent's client secret, required with a publishable key.");

    public static readonly FormParameter[] Create =
    [
        .. Writable,
        new("confirm", "true confirms at once."),
        ReturnUrl,
        new("usage", "off_session (default) or on_session."),
        new("automatic_payment_methods", "enabled, allow_redirects (always or never): allow every type the platform takes."),
        new("single_use", "amount and currency of the one payment a single-use mandate would cover (no mandate is generated)."),
        .. Mandate,
        Expand,
    ];

    public static readonly FormParameter[] Update = [.. Writable, Expand];

    public static readonly FormParameter[] Confirm = [new("payment_method", "The payment method to set up, if not set yet."), ReturnUrl, .. Mandate, ClientSecret, Expand];

    public static readonly FormParameter[] Cancel = [new("cancellation_reason", "abandoned, requested_by_customer or duplicate."), Expand];

    public static readonly FormParameter[] Retrieve = [ClientSecret, Expand];

    public static readonly FormParameter[] List =
    [
        new("customer", "Only the customer's setup intents."),
        new("payment_method", "Only setup intents with this payment method."),
        new("created", "A timestamp, or created[gt|gte|lt|lte]."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A setup intent id: the page after it."),
        new("ending_before", "A setup intent id: the page before it."),
        Expand,
    ];
}
