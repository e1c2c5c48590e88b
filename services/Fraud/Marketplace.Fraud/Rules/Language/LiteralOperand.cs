namespace Marketplace.Fraud.Rules.Language;

/// <summary>A string, a number (<see cref="double"/>) or a boolean written in the rule.</summary>
public sealed record LiteralOperand(object Value) : Operand;
