using Marketplace.Api.Documentation;

namespace Marketplace.Payments.Customers;

/// <summary>The customer endpoints' parameters as the API reference lists them (the reading itself is in <see cref="CustomerChanges"/>).</summary>
public static class CustomerParameters
{
    public static readonly FormParameter[] Expand = [new("expand", "Fields to expand: default_source, invoice_settings.default_payment_method, test_clock.")];

    public static readonly FormParameter[] Writable =
    [
        new("address", "The customer's address: line1, line2, city, state, postal_code, country."),
        new("balance", "Minor units; negative is a credit toward future invoices."),
        new("business_name", "The customer's business name."),
        new("description", "An arbitrary string; empty to clear."),
        new("email", "The customer's email address."),
        new("individual_name", "The customer's full name as an individual."),
        new("invoice_prefix", "The prefix of the customer's invoice numbers."),
        new("metadata", "Up to 50 keys of 40 characters with values of 500; an empty value deletes a key."),
        new("name", "The customer's full name or business name."),
        new("phone", "The customer's phone number."),
        new("preferred_locales", "Languages, in order of preference."),
        new("shipping", "Shipping name, phone and address."),
        new("tax_exempt", "none, exempt or reverse."),
        .. Expand,
    ];

    public static readonly FormParameter[] List =
    [
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A customer id: the page after it."),
        new("ending_before", "A customer id: the page before it."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
        new("email", "Only customers with exactly this email."),
        .. Expand,
    ];

    public static readonly FormParameter[] Search =
    [
        new("query", "Stripe's search query language: email:'…', name~'…', metadata['key']:'value', joined by AND or OR.", Required: true),
        new("limit", "1 to 100, default 10."),
        new("page", "The next_page token of the previous result."),
        .. Expand,
    ];
}
