using Marketplace.Api.Forms;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// Reads <c>billing_details</c> and applies it: each field given replaces the stored one, an empty value clears it,
/// and a field not given is kept, as Stripe merges billing details on update.
/// </summary>
internal static class BillingDetailsUpdate
{
    public static BillingDetails Apply(ParameterReader parameters, BillingDetails current)
    {
        if (parameters.Unset("billing_details"))
        {
            return new BillingDetails();
        }

        if (parameters.GetObject("billing_details") is not { } billing)
        {
            return current;
        }

        var address = current.Address;
        if (billing.Unset("address"))
        {
            address = new BillingAddress();
        }
        else if (billing.GetObject("address") is { } lines)
        {
            address = new BillingAddress
            {
                City = Field(lines, "city", address.City),
                Country = Field(lines, "country", address.Country),
                Line1 = Field(lines, "line1", address.Line1),
                Line2 = Field(lines, "line2", address.Line2),
                PostalCode = Field(lines, "postal_code", address.PostalCode),
                State = Field(lines, "state", address.State),
            };
        }

        return new BillingDetails
        {
            Address = address,
            Email = Field(billing, "email", current.Email),
            Name = Field(billing, "name", current.Name),
            Phone = Field(billing, "phone", current.Phone),
            TaxId = Field(billing, "tax_id", current.TaxId),
        };
    }

    static string? Field(ParameterReader parameters, string name, string? current) =>
        parameters.Unset(name) ? null : parameters.GetString(name, 800) ?? current;
}
