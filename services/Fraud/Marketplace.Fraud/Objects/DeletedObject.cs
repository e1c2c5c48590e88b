using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Fraud.Objects;

/// <summary>What Stripe answers a <c>DELETE</c> with: <c>{"id":…,"object":…,"deleted":true}</c>.</summary>
public sealed record DeletedObject(
    [property: JsonPropertyOrder(-2)] string Id,
    [property: JsonIgnore] string Name) : StripeObject
{
    protected override string TypeName => Name;

    public bool Deleted => true;
}
