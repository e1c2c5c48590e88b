namespace Marketplace.Payments.Customers;

/// <summary>
/// A customer's <c>invoice_settings</c>. Only <c>default_payment_method</c> is set by requests yet: custom fields,
/// footer and rendering options come with Billing's invoices.
/// </summary>
public sealed record CustomerInvoiceSettings
{
    public static CustomerInvoiceSettings Default { get; } = new();

    public IReadOnlyList<object>? CustomFields { get; init; }

    public string? DefaultPaymentMethod { get; init; }

    public string? Footer { get; init; }

    public object? RenderingOptions { get; init; }
}
