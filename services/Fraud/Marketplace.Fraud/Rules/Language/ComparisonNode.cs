namespace Marketplace.Fraud.Rules.Language;

/// <summary><c>:attribute: operator value</c>; the value is a literal, another attribute, a list or a value list.</summary>
public sealed record ComparisonNode(AttributeOperand Attribute, ComparisonOperator Operator, Operand Value) : RuleNode;
