namespace Marketplace.Fraud.Rules.Language;

public sealed record NotNode(RuleNode Operand) : RuleNode;
