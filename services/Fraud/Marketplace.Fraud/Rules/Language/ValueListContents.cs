namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// The values of one value list as rules match them: exactly for <c>case_sensitive_string</c>, regardless of case
/// for every other item type (emails, countries, fingerprints as Radar compares them).
/// </summary>
public sealed class ValueListContents(string itemType, IEnumerable<string> values)
{
    readonly HashSet<string> _values = new(values, itemType == "case_sensitive_string" ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

    public bool Contains(string value) => _values.Contains(value);
}
