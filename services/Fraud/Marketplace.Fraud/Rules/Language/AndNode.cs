namespace Marketplace.Fraud.Rules.Language;

public sealed record AndNode(RuleNode Left, RuleNode Right) : RuleNode;
