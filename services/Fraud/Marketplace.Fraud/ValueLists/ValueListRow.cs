using System.Text.Json;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;

namespace Marketplace.Fraud.ValueLists;

/// <summary>A <c>value_lists</c> row as Dapper reads it.</summary>
internal sealed record ValueListRow
{
    public required string Id { get; init; }
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public required string ItemType { get; init; }
    public DateTime Created { get; init; }
    public required string CreatedBy { get; init; }
    public required string Metadata { get; init; }
    public bool IsDefault { get; init; }

    public IReadOnlyDictionary<string, string> MetadataValues =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata, StripeJson.Options) ?? [];

    /// <summary>The list with its newest items; <paramref name="items"/> holds one more than shown when there are more.</summary>
    public ValueList ToValueList(IReadOnlyList<ValueListItem> items) => new()
    {
        Id = Id,
        Alias = Alias,
        Name = Name,
        ItemType = ItemType,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        CreatedBy = CreatedBy,
        Metadata = MetadataValues,
        ListItems = new StripeList<ValueListItem>(
            [.. items.Take(ValueListStore.PreviewItems)], items.Count > ValueListStore.PreviewItems, $"/v1/radar/value_list_items?value_list={Id}"),
    };
}
