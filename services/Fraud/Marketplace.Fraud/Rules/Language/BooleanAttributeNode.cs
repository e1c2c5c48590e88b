namespace Marketplace.Fraud.Rules.Language;

/// <summary>A boolean attribute on its own (<c>:is_new_customer:</c>): true when it is present and true.</summary>
public sealed record BooleanAttributeNode(AttributeOperand Attribute) : RuleNode;
