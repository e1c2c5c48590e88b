namespace Marketplace.Fraud.Rules.Language;

public sealed record OrNode(RuleNode Left, RuleNode Right) : RuleNode;
