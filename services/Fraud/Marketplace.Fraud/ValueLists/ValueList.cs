using System.Text.Json.Serialization;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;

namespace Marketplace.Fraud.ValueLists;

/// <summary>Stripe's <c>radar.value_list</c>, with its newest items in <c>list_items</c> as Stripe renders them.</summary>
public sealed record ValueList : StripeObject
{
    protected override string TypeName => "radar.value_list";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required string Alias { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>One of <see cref="ValueListItemTypes.All"/>.</summary>
    public required string ItemType { get; init; }

    public required StripeList<ValueListItem> ListItems { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public required string Name { get; init; }
}
