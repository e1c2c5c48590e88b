using System.Text.Json.Serialization;
using Marketplace.Payments.PaymentMethods;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Stripe's <c>payment_method_details</c> of a charge: a copy of what the payment method showed when the attempt
/// began (a later update of the method does not rewrite history), plus what the attempt itself adds.
/// </summary>
public sealed record ChargePaymentMethodDetails(string Type)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChargeCardDetails? Card { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChargeSepaDebitDetails? SepaDebit { get; init; }

    /// <param name="mandate">The mandate a SEPA debit runs under.</param>
    public static ChargePaymentMethodDetails For(PaymentMethod method, long amount, string? mandate)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new ChargePaymentMethodDetails(method.Type)
        {
            Card = method.Card is { } card ? ChargeCardDetails.For(card, amount) : null,
            SepaDebit = method.SepaDebit is { } sepaDebit ? ChargeSepaDebitDetails.For(sepaDebit, mandate) : null,
        };
    }
}
