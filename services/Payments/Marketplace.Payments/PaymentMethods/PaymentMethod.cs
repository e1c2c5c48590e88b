using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// Stripe's <c>payment_method</c> object. Stripe renders only the hash of the method's <c>type</c> (<c>card</c>,
/// <c>sepa_debit</c>, <c>ideal</c>, <c>bancontact</c> or <c>paypal</c>), so the others are left out rather than written as null.
/// </summary>
public sealed record PaymentMethod : StripeObject
{
    protected override string TypeName => "payment_method";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    /// <summary>Whether the method may be shown again to the customer in Checkout; nothing sets it yet.</summary>
    public string AllowRedisplay { get; init; } = "unspecified";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentMethodBancontact? Bancontact { get; init; }

    public BillingDetails BillingDetails { get; init; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentMethodCard? Card { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The customer it is attached to (an expandable id), null when detached.</summary>
    public string? Customer { get; init; }

    /// <summary>Stripe's v2 Accounts-as-customers link, which this platform does not have.</summary>
    public string? CustomerAccount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentMethodIdeal? Ideal { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentMethodPaypal? Paypal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentMethodSepaDebit? SepaDebit { get; init; }

    public required string Type { get; init; }
}
