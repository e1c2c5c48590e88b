using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Rules;

/// <summary>A platform's compiled rules and the value lists they name, as of one rule set version.</summary>
public sealed record LoadedRuleSet(long Version, RuleSet Rules, ValueListSet Lists);
