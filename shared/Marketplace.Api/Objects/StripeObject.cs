using System.Text.Json.Serialization;

namespace Marketplace.Api.Objects;

/// <summary>
/// Base of every API object: it names its type in <c>object</c> and is never live. Derived records declare the
/// object's fields in Stripe's names (snake_cased from PascalCase) and leave nothing out, null included.
/// </summary>
public abstract record StripeObject
{
    /// <summary>
    /// Not virtual on purpose: System.Text.Json reads the attributes of the most derived declaration, so an override
    /// would lose the name <c>object</c> and be written a second time as <c>object_type</c>.
    /// </summary>
    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => TypeName;

    /// <summary>Always false: there is no live mode here, and SDKs read the field.</summary>
    public bool Livemode { get; }

    /// <summary>The value of <c>object</c>: <c>customer</c>, <c>event</c>…</summary>
    protected abstract string TypeName { get; }
}
