using System.Text.Json.Serialization;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// Stripe's <c>customer_acceptance</c>: when the payer accepted the mandate, and how — <c>online</c> (the payer's IP
/// address and browser) or <c>offline</c> (on paper, at a counter; nothing more to record).
/// </summary>
public sealed record MandateCustomerAcceptance
{
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>An empty hash when the acceptance was offline; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object>? Offline { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MandateOnlineAcceptance? Online { get; init; }

    /// <summary><c>online</c> or <c>offline</c>.</summary>
    public required string Type { get; init; }
}
