using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Customers;

/// <summary>
/// Stripe's <c>customer</c> object as API version <c>2026-10-28.endive</c> renders it by default: every field, null
/// included. Stripe's includable fields (<c>cash_balance</c>, <c>invoice_credit_balance</c>, <c>sources</c>,
/// <c>subscriptions</c>, <c>tax</c>, <c>tax_ids</c>) appear only when expanded, and none is expandable here yet.
/// </summary>
public sealed record Customer : StripeObject
{
    protected override string TypeName => "customer";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public CustomerAddress? Address { get; init; }

    /// <summary>Minor units; negative is a credit toward future invoices.</summary>
    public long Balance { get; init; }

    public string? BusinessName { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>Set by Stripe once the customer is billed in a currency; stays null until Billing bills customers.</summary>
    public string? Currency { get; init; }

    /// <summary>Stripe's v2 Accounts-as-customers link, which this platform does not have.</summary>
    public string? CustomerAccount { get; init; }

    /// <summary>The default payment source (an expandable id); null until the payment methods issue brings sources.</summary>
    public string? DefaultSource { get; init; }

    /// <summary>Becomes true when an invoice fails; no invoice exists before Billing.</summary>
    public bool Delinquent { get; init; }

    public string? Description { get; init; }

    /// <summary>The applied coupon; null until Billing brings coupons.</summary>
    public object? Discount { get; init; }

    public string? Email { get; init; }

    public string? IndividualName { get; init; }

    public required string InvoicePrefix { get; init; }

    public CustomerInvoiceSettings InvoiceSettings { get; init; } = CustomerInvoiceSettings.Default;

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? Name { get; init; }

    /// <summary>The number of the customer's next invoice; 1 until Billing issues invoices.</summary>
    public long NextInvoiceSequence { get; init; } = 1;

    public string? Phone { get; init; }

    public IReadOnlyList<string> PreferredLocales { get; init; } = [];

    public CustomerShipping? Shipping { get; init; }

    /// <summary><c>none</c>, <c>exempt</c> or <c>reverse</c>.</summary>
    public string TaxExempt { get; init; } = "none";

    /// <summary>The test clock the customer runs on (an expandable id); null until Billing brings test clocks.</summary>
    public string? TestClock { get; init; }
}
