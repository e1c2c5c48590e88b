using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Customers;

/// <summary>A <c>customers</c> row as Dapper reads it; the hashes arrive as their JSON text.</summary>
internal sealed record CustomerRow
{
    public required string Id { get; init; }
    public DateTime Created { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Description { get; init; }
    public string? BusinessName { get; init; }
    public string? IndividualName { get; init; }
    public long Balance { get; init; }
    public string? Address { get; init; }
    public string? Shipping { get; init; }
    public required string Metadata { get; init; }
    public required string[] PreferredLocales { get; init; }
    public required string InvoicePrefix { get; init; }
    public string? DefaultPaymentMethod { get; init; }
    public required string TaxExempt { get; init; }
    public DateTime? DeletedAt { get; init; }

    public Customer ToCustomer() => new()
    {
        Id = Id,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Email = Email,
        Name = Name,
        Phone = Phone,
        Description = Description,
        BusinessName = BusinessName,
        IndividualName = IndividualName,
        Balance = Balance,
        Address = Read<CustomerAddress>(Address),
        Shipping = Read<CustomerShipping>(Shipping),
        Metadata = Read<Dictionary<string, string>>(Metadata) ?? [],
        PreferredLocales = PreferredLocales,
        InvoicePrefix = InvoicePrefix,
        InvoiceSettings = CustomerInvoiceSettings.Default with { DefaultPaymentMethod = DefaultPaymentMethod },
        TaxExempt = TaxExempt,
    };

    static T? Read<T>(string? json) where T : class =>
        json is null ? null : JsonSerializer.Deserialize<T>(json, StripeJson.Options);
}
