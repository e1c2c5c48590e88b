using Marketplace.Fraud.Rules.Language;
using Marketplace.Fraud.ValueLists;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// The rules every platform has before writing any, as Radar's defaults: block the highest risk level, and block
/// what is on the platform's default block lists. They come before the platform's own rules of the same action,
/// can be retrieved but not changed, and an Allow rule of the platform still overrides them, as in Radar.
/// </summary>
public static class BuiltInRules
{
    public const string HighestRiskId = "rule_default_highest_risk_level";

    public static IReadOnlyList<(string Id, string Text)> Definitions { get; } =
    [
        (HighestRiskId, "Block if :risk_level: = 'highest'"),
        ("rule_default_block_card_fingerprint", $"Block if :card_fingerprint: IN @{DefaultValueLists.CardFingerprints}"),
        ("rule_default_block_email", $"Block if :email: IN @{DefaultValueLists.Emails}"),
        ("rule_default_block_ip_address", $"Block if :ip_address: IN @{DefaultValueLists.IpAddresses}"),
    ];

    public static IReadOnlyList<CompiledRule> Compiled { get; } = [.. Definitions.Select(definition => CompiledRule.Compile(definition.Id, Parse(definition.Text)))];

    /// <summary>The value lists the built-in rules name: the default block lists.</summary>
    public static IReadOnlyList<string> ValueListAliases { get; } =
        [.. Definitions.SelectMany(definition => Parse(definition.Text).ValueListAliases).Distinct(StringComparer.Ordinal)];

    /// <summary>The built-in rule with this id, as the API renders it; null for any other id.</summary>
    public static Rule? Find(string id)
    {
        foreach (var (ruleId, text) in Definitions)
        {
            if (ruleId == id)
            {
                var parsed = Parse(text);
                return new Rule
                {
                    Id = ruleId,
                    Action = parsed.Action.ToApiName(),
                    Predicate = parsed.Predicate,
                    Description = "Built-in rule",
                    Enabled = true,
                    Created = DateTimeOffset.UnixEpoch,
                };
            }
        }

        return null;
    }

    static ParsedRule Parse(string text) =>
        RuleParser.TryParse(text, out var rule, out var error) ? rule : throw new InvalidOperationException($"Built-in rule does not parse: {error}");
}
