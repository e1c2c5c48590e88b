using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Mandates;

/// <summary>A <c>mandates</c> row as Dapper reads it (the acceptance as its JSON text), and how it renders.</summary>
public sealed record MandateRow
{
    public const string Active = "active";

    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string PlatformId { get; init; }
    public required string PaymentMethodId { get; init; }
    public string? OnBehalfOf { get; init; }
    public DateTime Created { get; init; }
    public required string Status { get; init; }
    public required string CustomerAcceptance { get; init; }
    public required string Reference { get; init; }
    public required string PageToken { get; init; }

    /// <param name="pagesBaseUrl">The public address in front of the hosted pages, which the mandate page's is built on.</param>
    public Mandate ToMandate(Uri pagesBaseUrl) => new()
    {
        Id = Id,
        CustomerAcceptance = JsonSerializer.Deserialize<MandateCustomerAcceptance>(CustomerAcceptance, StripeJson.Options)!,
        OnBehalfOf = OnBehalfOf,
        PaymentMethod = PaymentMethodId,
        PaymentMethodDetails = new MandatePaymentMethodDetails(new MandateSepaDebitDetails(Reference, MandatePagesApi.UrlOf(pagesBaseUrl, PageToken))),
        Status = Status,
    };
}
