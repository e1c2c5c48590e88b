using Marketplace.Api.Documentation;

namespace Marketplace.Fraud.Rules;

/// <summary>The rule endpoints' parameters as the API reference lists them.</summary>
public static class RuleParameters
{
    public static readonly FormParameter[] Create =
    [
        new("rule", "The whole rule in Radar's language, such as Block if :card_country: NOT IN @eu_countries.", Required: true),
        new("description", "What the rule is for; empty to clear."),
        new("enabled", "Whether the rule decides payments; default true."),
    ];

    public static readonly FormParameter[] Update =
    [
        new("rule", "The whole rule in Radar's language; replaces its action and predicate."),
        new("description", "What the rule is for; empty to clear."),
        new("enabled", "Whether the rule decides payments."),
    ];

    public static readonly FormParameter[] List =
    [
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A rule id: the page after it."),
        new("ending_before", "A rule id: the page before it."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
    ];

    public static readonly FormParameter[] Test =
    [
        new("rule", "The candidate rule in Radar's language.", Required: true),
    ];
}
