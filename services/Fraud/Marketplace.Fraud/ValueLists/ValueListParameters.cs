using Marketplace.Api.Documentation;

namespace Marketplace.Fraud.ValueLists;

/// <summary>The value list endpoints' parameters as Stripe's API reference lists them.</summary>
public static class ValueListParameters
{
    public static readonly FormParameter[] Create =
    [
        new("alias", "The name rules use for the list (@alias): letters, digits and underscores, up to 100.", Required: true),
        new("name", "A human-readable name, up to 100 characters.", Required: true),
        new("item_type", "card_bin, card_fingerprint, case_sensitive_string, country, customer_id, email, ip_address, sepa_debit_fingerprint, string (default) or us_bank_account_fingerprint."),
        new("metadata", "Up to 50 keys of 40 characters with values of 500."),
    ];

    public static readonly FormParameter[] Update =
    [
        new("alias", "The name rules use for the list."),
        new("name", "A human-readable name."),
        new("metadata", "An empty value deletes a key."),
    ];

    public static readonly FormParameter[] List =
    [
        new("alias", "Only the list with exactly this alias."),
        new("contains", "Only lists holding this value."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A value list id: the page after it."),
        new("ending_before", "A value list id: the page before it."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
    ];

    public static readonly FormParameter[] CreateItem =
    [
        new("value", "The value, checked against the list's item_type.", Required: true),
        new("value_list", "The id of the list to add it to.", Required: true),
    ];

    public static readonly FormParameter[] ListItems =
    [
        new("value_list", "The id of the list.", Required: true),
        new("value", "Only the item with exactly this value."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "An item id: the page after it."),
        new("ending_before", "An item id: the page before it."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
    ];
}
