namespace Marketplace.Fraud.Rules.Language;

/// <summary>A platform's value lists by alias, as <c>IN @alias</c> reads them while rules are evaluated.</summary>
public sealed class ValueListSet(IReadOnlyDictionary<string, ValueListContents> lists)
{
    public static ValueListSet Empty { get; } = new(new Dictionary<string, ValueListContents>());

    public IReadOnlyDictionary<string, ValueListContents> Lists { get; } = lists;

    /// <summary>False for an alias the platform has no list for: such a list holds nothing.</summary>
    public bool Contains(string alias, string value) => Lists.TryGetValue(alias, out var list) && list.Contains(value);
}
