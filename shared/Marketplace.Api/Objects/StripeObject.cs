using System.Text.Json.Serialization;

namespace Marketplace.Api.Objects;

/// <summary>
/// Base of every API object: it names its type in <c>object</c> and is never live. Derived records declare the
/// object's fields in Stripe's names (snake_cased from PascalCase) and leave nothing out, null included.
/// </summary>
public abstract record StripeObject
{
    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public abstract string ObjectType { get; }

    /// <summary>Always false: there is no live mode here, and SDKs read the field.</summary>
    public bool Livemode { get; }
}
