using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>A <c>payment_methods</c> row as Dapper reads it; the hashes arrive as their JSON text.</summary>
internal sealed record PaymentMethodRow
{
    public required string Id { get; init; }
    public DateTime Created { get; init; }
    public required string Type { get; init; }
    public string? CustomerId { get; init; }
    public required string BillingDetails { get; init; }
    public string? Card { get; init; }
    public string? SepaDebit { get; init; }
    public string? Ideal { get; init; }
    public string? Bancontact { get; init; }
    public string? Paypal { get; init; }
    public required string Metadata { get; init; }

    public PaymentMethod ToPaymentMethod() => new()
    {
        Id = Id,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Type = Type,
        Customer = CustomerId,
        BillingDetails = Read<BillingDetails>(BillingDetails),
        Card = Card is null ? null : Read<PaymentMethodCard>(Card),
        SepaDebit = SepaDebit is null ? null : Read<PaymentMethodSepaDebit>(SepaDebit),
        Ideal = Ideal is null ? null : Read<PaymentMethodIdeal>(Ideal),
        Bancontact = Bancontact is null ? null : Read<PaymentMethodBancontact>(Bancontact),
        Paypal = Paypal is null ? null : Read<PaymentMethodPaypal>(Paypal),
        Metadata = Read<Dictionary<string, string>>(Metadata),
    };

    static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, StripeJson.Options)!;
}
