using System.Text.Json.Serialization;
using Marketplace.Api.Objects;
using Marketplace.Payments.Authentication;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Stripe's <c>setup_intent</c> object (API version 2026-10-28.endive, whose Stripe.net model is the field list).
/// Fields for features this platform does not have — Connect's <c>on_behalf_of</c>, single-use mandates, setup
/// attempts, payment method configurations — are always null.
/// </summary>
public sealed record SetupIntent : StripeObject
{
    protected override string TypeName => "setup_intent";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    /// <summary>The endive name of <see cref="PaymentMethodTypes"/>, with the same value.</summary>
    public required IReadOnlyList<string> AllowedPaymentMethodTypes { get; init; }

    public string? Application { get; init; }

    /// <summary>Set when no <c>payment_method_types</c> were given: then every type the platform takes is allowed.</summary>
    public SetupIntentAutomaticPaymentMethods? AutomaticPaymentMethods { get; init; }

    /// <summary><c>abandoned</c>, <c>requested_by_customer</c> or <c>duplicate</c>, once canceled.</summary>
    public string? CancellationReason { get; init; }

    public required string ClientSecret { get; init; }

    public required DateTimeOffset Created { get; init; }

    public string? Customer { get; init; }

    public string? CustomerAccount { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? ExcludedPaymentMethodTypes { get; init; }

    /// <summary><c>inbound</c> and/or <c>outbound</c> when given; null otherwise.</summary>
    public IReadOnlyList<string>? FlowDirections { get; init; }

    public SetupError? LastSetupError { get; init; }

    public string? LatestAttempt { get; init; }

    public string? Mandate { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public RedirectNextAction? NextAction { get; init; }

    public string? OnBehalfOf { get; init; }

    public string? PaymentMethod { get; init; }

    public object? PaymentMethodConfigurationDetails { get; init; }

    public required SetupIntentPaymentMethodOptions PaymentMethodOptions { get; init; }

    public required IReadOnlyList<string> PaymentMethodTypes { get; init; }

    public string? SingleUseMandate { get; init; }

    public required string Status { get; init; }

    /// <summary><c>off_session</c> (the default) or <c>on_session</c>.</summary>
    public required string Usage { get; init; }
}
