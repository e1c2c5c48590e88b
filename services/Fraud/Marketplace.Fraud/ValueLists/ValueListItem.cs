using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Fraud.ValueLists;

/// <summary>Stripe's <c>radar.value_list_item</c>.</summary>
public sealed record ValueListItem : StripeObject
{
    protected override string TypeName => "radar.value_list_item";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string CreatedBy { get; init; }

    public required string Value { get; init; }

    /// <summary>The id of the list the item belongs to.</summary>
    public required string ValueList { get; init; }
}
