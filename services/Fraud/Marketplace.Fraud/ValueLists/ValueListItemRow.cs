namespace Marketplace.Fraud.ValueLists;

/// <summary>A <c>value_list_items</c> row as Dapper reads it.</summary>
internal sealed record ValueListItemRow
{
    public required string Id { get; init; }
    public required string ValueListId { get; init; }
    public required string Value { get; init; }
    public DateTime Created { get; init; }
    public required string CreatedBy { get; init; }

    public ValueListItem ToItem() => new()
    {
        Id = Id,
        ValueList = ValueListId,
        Value = Value,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        CreatedBy = CreatedBy,
    };
}
