using System.Text.Json.Serialization;

namespace Marketplace.Payments.SetupIntents;

/// <summary>Stripe's <c>payment_method_options</c>: a hash per allowed type that has options, here only <c>card</c>.</summary>
public sealed record SetupIntentPaymentMethodOptions
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SetupIntentCardOptions? Card { get; init; }
}
