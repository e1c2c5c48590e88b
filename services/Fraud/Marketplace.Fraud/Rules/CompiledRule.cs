using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Rules;

/// <summary>A rule ready to evaluate: its id and text for explanations, its condition as one delegate.</summary>
public sealed record CompiledRule(string Id, RuleAction Action, string Predicate, Func<PaymentAttributes, ValueListSet, bool> Matches)
{
    public static CompiledRule Compile(string id, ParsedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new CompiledRule(id, rule.Action, rule.Predicate, RuleCompiler.Compile(rule.Condition));
    }
}
