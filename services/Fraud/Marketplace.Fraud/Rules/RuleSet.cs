using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// A platform's rules in Radar's order: every Request 3D Secure rule first, then Allow, Block and Review; within an
/// action, in the order given (built-in rules, then the platform's by creation). The first rule that matches
/// decides, except that a Request 3D Secure rule is passed over for a payment already authenticated with 3D Secure,
/// so that after the challenge the remaining rules decide.
/// </summary>
public sealed class RuleSet
{
    readonly CompiledRule[] _rules;

    public RuleSet(IEnumerable<CompiledRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules.OrderBy(rule => rule.Action)];
    }

    /// <summary>The rule that decides the payment, or null when none matches (the payment is allowed).</summary>
    public CompiledRule? Decide(PaymentAttributes attributes, ValueListSet lists)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var authenticated = attributes[RuleAttributes.Is3DSecure] is true;
        foreach (var rule in _rules)
        {
            if (rule.Action == RuleAction.RequestThreeDSecure && authenticated)
            {
                continue;
            }

            if (rule.Matches(attributes, lists))
            {
                return rule;
            }
        }

        return null;
    }
}
