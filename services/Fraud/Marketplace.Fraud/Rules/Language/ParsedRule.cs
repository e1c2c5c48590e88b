namespace Marketplace.Fraud.Rules.Language;

/// <summary>A rule that parsed: its action, its predicate (the text after <c>if</c>) and the tree of that predicate.</summary>
public sealed record ParsedRule(RuleAction Action, string Predicate, RuleNode Condition, IReadOnlyList<string> ValueListAliases)
{
    /// <summary>The rule in its canonical form, which parses back to the same tree.</summary>
    public string ToText() => $"{Action.ToKeyword()} if {RuleFormatter.Format(Condition)}";
}
