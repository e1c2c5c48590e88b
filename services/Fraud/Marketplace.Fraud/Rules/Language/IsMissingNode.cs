namespace Marketplace.Fraud.Rules.Language;

/// <summary><c>is_missing(:attribute:)</c>: true when the payment has no value for it.</summary>
public sealed record IsMissingNode(AttributeOperand Attribute) : RuleNode;
