using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;

namespace Marketplace.Payments.Customers;

/// <summary>
/// The fields a create or update request sets, read and checked with Stripe's rules (lengths from Stripe's API
/// reference). Nested hashes (<c>address</c>, <c>shipping</c>) replace the stored value whole, as Stripe's do; an
/// empty value clears whatever Stripe lets a request clear.
/// </summary>
/// <remarks>
/// Parameters that belong to later issues are not read, so they are refused as unknown: <c>payment_method</c>,
/// <c>source</c>, <c>default_source</c> and <c>validate</c> come with the payment intents; the rest of
/// <c>invoice_settings</c> (all but <c>default_payment_method</c>), <c>next_invoice_sequence</c>, <c>coupon</c>,
/// <c>promotion_code</c>, <c>plan</c>, <c>test_clock</c>, <c>cash_balance</c>, <c>tax</c> and <c>tax_id_data</c>
/// with Billing's issue.
/// </remarks>
internal sealed partial record CustomerChanges
{
    const string EmailInvalid = "email_invalid";
    const int EmailMaxLength = 512;
    const int NameMaxLength = 256;
    const int PartyNameMaxLength = 150;
    const int PhoneMaxLength = 20;

    /// <summary>Characters that cannot appear in an address unless quoted, which nobody types into a form.</summary>
    static readonly SearchValues<char> ForbiddenInEmail = SearchValues.Create("()<>[]:;,\\\"");

    public FieldChange<CustomerAddress?> Address { get; private init; }
    public FieldChange<long> Balance { get; private init; }
    public FieldChange<string?> BusinessName { get; private init; }
    public FieldChange<string?> DefaultPaymentMethod { get; private init; }
    public FieldChange<string?> Description { get; private init; }
    public FieldChange<string?> Email { get; private init; }
    public FieldChange<string?> IndividualName { get; private init; }
    public FieldChange<string> InvoicePrefix { get; private init; }
    public MetadataUpdate Metadata { get; private init; } = MetadataUpdate.None;
    public FieldChange<string?> Name { get; private init; }
    public FieldChange<string?> Phone { get; private init; }
    public FieldChange<IReadOnlyList<string>> PreferredLocales { get; private init; }
    public FieldChange<CustomerShipping?> Shipping { get; private init; }
    public FieldChange<string> TaxExempt { get; private init; }

    /// <summary>Reads every customer field of the request; failures go to the reader and surface in its <c>Complete()</c>.</summary>
    public static CustomerChanges Read(ParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new CustomerChanges
        {
            Address = ReadAddress(parameters, "address"),
            Balance = parameters.GetLong("balance") is { } balance ? new(true, balance) : default,
            BusinessName = ReadClearable(parameters, "business_name", PartyNameMaxLength),
            DefaultPaymentMethod = parameters.GetObject("invoice_settings") is { } invoiceSettings
                ? ReadClearable(invoiceSettings, "default_payment_method")
                : default,
            Description = ReadClearable(parameters, "description"),
            Email = ReadEmail(parameters),
            IndividualName = ReadClearable(parameters, "individual_name", PartyNameMaxLength),
            InvoicePrefix = ReadInvoicePrefix(parameters),
            Metadata = MetadataUpdate.Read(parameters),
            Name = ReadClearable(parameters, "name", NameMaxLength),
            Phone = ReadClearable(parameters, "phone", PhoneMaxLength),
            PreferredLocales = ReadLocales(parameters),
            Shipping = ReadShipping(parameters),
            TaxExempt = parameters.Unset("tax_exempt")
                ? new(true, "none")
                : parameters.GetEnum("tax_exempt", "exempt", "none", "reverse") is { } taxExempt ? new(true, taxExempt) : default,
        };
    }

    /// <summary>A customer as a create starts it, before the request's fields apply: Stripe's defaults and a fresh invoice prefix.</summary>
    public static Customer NewCustomer(string id, DateTimeOffset created) => new()
    {
        Id = id,
        Created = created,
        // Stripe's generated prefixes are eight upper-case hexadecimal digits, unique enough for invoice numbers.
        InvoicePrefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)),
    };

    /// <summary><paramref name="current"/> with the request's fields applied, unless the metadata would then hold too many keys.</summary>
    public bool TryApply(Customer current, [NotNullWhen(true)] out Customer? result, [NotNullWhen(false)] out StripeError? error)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!Metadata.TryApply(current.Metadata, out var metadata, out error))
        {
            result = null;
            return false;
        }

        result = current with
        {
            Address = Address.ApplyTo(current.Address),
            Balance = Balance.ApplyTo(current.Balance),
            BusinessName = BusinessName.ApplyTo(current.BusinessName),
            Description = Description.ApplyTo(current.Description),
            InvoiceSettings = current.InvoiceSettings with { DefaultPaymentMethod = DefaultPaymentMethod.ApplyTo(current.InvoiceSettings.DefaultPaymentMethod) },
            Email = Email.ApplyTo(current.Email),
            IndividualName = IndividualName.ApplyTo(current.IndividualName),
            InvoicePrefix = InvoicePrefix.ApplyTo(current.InvoicePrefix),
            Metadata = metadata,
            Name = Name.ApplyTo(current.Name),
            Phone = Phone.ApplyTo(current.Phone),
            PreferredLocales = PreferredLocales.ApplyTo(current.PreferredLocales),
            Shipping = Shipping.ApplyTo(current.Shipping),
            TaxExempt = TaxExempt.ApplyTo(current.TaxExempt),
        };
        return true;
    }

    static FieldChange<string?> ReadClearable(ParameterReader parameters, string name, int maxLength = ParameterReader.DefaultMaxStringLength) =>
        parameters.Unset(name)
            ? new(true, null)
            : parameters.GetString(name, maxLength) is { } value ? new(true, value) : default;

    static FieldChange<string?> ReadEmail(ParameterReader parameters)
    {
        var email = ReadClearable(parameters, "email", EmailMaxLength);
        if (email.Value is { } address && !IsPlausibleEmail(address))
        {
            parameters.Fail(StripeError.InvalidRequest($"Invalid email address: {address}", parameters.PathOf("email"), EmailInvalid));
            return default;
        }

        return email;
    }

    /// <summary>
    /// A local part and a dotted domain, without the characters that cannot appear unquoted in an address. Deliberately
    /// loose, as Stripe's check is: it catches typing mistakes, and only sending mail proves an address.
    /// </summary>
    static bool IsPlausibleEmail(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.AsSpan().IndexOfAny(ForbiddenInEmail) >= 0
            || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || address.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return false;
        }

        var labels = address[(at + 1)..].Split('.');
        return labels.Length >= 2 && labels[^1].Length >= 2 && labels.All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-');
    }

    static FieldChange<string> ReadInvoicePrefix(ParameterReader parameters)
    {
        if (parameters.GetString("invoice_prefix") is not { } prefix)
        {
            return default;
        }

        if (!InvoicePrefixPattern().IsMatch(prefix))
        {
            parameters.Fail(StripeError.InvalidRequest(
                $"Invalid invoice_prefix: {prefix}. It must be 1 to 12 uppercase letters or numbers.", parameters.PathOf("invoice_prefix")));
            return default;
        }

        return new(true, prefix);
    }

    static FieldChange<IReadOnlyList<string>> ReadLocales(ParameterReader parameters)
    {
        if (parameters.Unset("preferred_locales"))
        {
            return new(true, []);
        }

        if (parameters.GetStringList("preferred_locales") is not { } locales)
        {
            return default;
        }

        for (var i = 0; i < locales.Count; i++)
        {
            if (!LocalePattern().IsMatch(locales[i]))
            {
                parameters.Fail(StripeError.InvalidRequest(
                    $"Invalid locale: {locales[i]}. Preferred locales are language tags such as en or fr-FR.",
                    string.Create(CultureInfo.InvariantCulture, $"{parameters.PathOf("preferred_locales")}[{i}]")));
                return default;
            }
        }

        return new(true, locales);
    }

    static FieldChange<CustomerAddress?> ReadAddress(ParameterReader parameters, string name)
    {
        if (parameters.Unset(name))
        {
            return new(true, null);
        }

        return parameters.GetObject(name) is { } address ? new(true, ReadAddressLines(address)) : default;
    }

    static CustomerAddress ReadAddressLines(ParameterReader address) => new()
    {
        City = ReadClearable(address, "city").Value,
        Country = ReadClearable(address, "country").Value,
        Line1 = ReadClearable(address, "line1").Value,
        Line2 = ReadClearable(address, "line2").Value,
        PostalCode = ReadClearable(address, "postal_code").Value,
        State = ReadClearable(address, "state").Value,
    };

    static FieldChange<CustomerShipping?> ReadShipping(ParameterReader parameters)
    {
        if (parameters.Unset("shipping"))
        {
            return new(true, null);
        }

        if (parameters.GetObject("shipping") is not { } shipping)
        {
            return default;
        }

        // Stripe requires both on every write of shipping, since the hash replaces the stored one whole.
        var name = shipping.GetRequiredString("name");
        var address = shipping.GetObject("address") is { } lines ? ReadAddressLines(lines) : null;
        if (address is null && !shipping.Has("address"))
        {
            shipping.Fail(ParameterErrors.Missing(shipping.PathOf("address")));
        }

        var phone = ReadClearable(shipping, "phone").Value;
        return address is null ? default : new(true, new CustomerShipping { Address = address, Name = name, Phone = phone });
    }

    [GeneratedRegex("^[A-Z0-9]{1,12}$")]
    private static partial Regex InvoicePrefixPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LocalePattern();
}
