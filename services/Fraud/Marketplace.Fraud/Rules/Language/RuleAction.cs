namespace Marketplace.Fraud.Rules.Language;

/// <summary>What a matching rule does, in Radar's order of evaluation: 3D Secure first, then allow, block, review.</summary>
public enum RuleAction
{
    RequestThreeDSecure,
    Allow,
    Block,
    Review,
}
