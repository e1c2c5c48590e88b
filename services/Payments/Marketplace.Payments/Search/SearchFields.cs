using System.Collections.Frozen;

namespace Marketplace.Payments.Search;

/// <summary>
/// What one object's search accepts: its fields (besides <c>metadata["key"]</c>, which every searchable object has,
/// read from a <c>metadata</c> jsonb column) and its name in error messages.
/// </summary>
internal sealed class SearchFields
{
    public SearchFields(string objectsName, params SearchField[] fields)
    {
        ObjectsName = objectsName;
        ByName = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        string[] names = [.. fields.Select(f => f.Name).Append("metadata").Order(StringComparer.Ordinal)];
        Listed = $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    /// <summary>The plural the errors name, such as <c>customers</c>.</summary>
    public string ObjectsName { get; }

    public FrozenDictionary<string, SearchField> ByName { get; }

    /// <summary>Every field name, metadata included, in order, for the error that names an unknown one.</summary>
    public string Listed { get; }
}
