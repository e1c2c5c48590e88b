using Marketplace.Payments.Search;

namespace Marketplace.Payments.Customers;

/// <summary>Customers' search fields by Stripe's types: <c>email</c>, <c>name</c> and <c>phone</c> are strings, <c>created</c> is numeric.</summary>
internal static class CustomerSearchFields
{
    public static readonly SearchFields All = new("customers",
        new SearchField("created", "created", SearchFieldKind.Timestamp),
        new SearchField("email", "email", SearchFieldKind.Text),
        new SearchField("name", "name", SearchFieldKind.Text),
        new SearchField("phone", "phone", SearchFieldKind.Text));
}
