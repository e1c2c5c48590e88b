using Marketplace.Payments.Search;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Charges' search fields by Stripe's types: <c>amount</c> and <c>created</c> are numeric, <c>currency</c>,
/// <c>customer</c> and <c>status</c> are tokens (exact, case kept).
/// </summary>
internal static class ChargeSearchFields
{
    public static readonly SearchFields All = new("charges",
        new SearchField("amount", "amount", SearchFieldKind.Number),
        new SearchField("created", "created", SearchFieldKind.Timestamp),
        new SearchField("currency", "currency", SearchFieldKind.Token),
        new SearchField("customer", "customer_id", SearchFieldKind.Token),
        new SearchField("status", "status", SearchFieldKind.Token));
}
