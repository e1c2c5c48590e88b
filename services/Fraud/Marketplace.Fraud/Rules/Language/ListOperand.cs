namespace Marketplace.Fraud.Rules.Language;

/// <summary>A list literal, <c>('FR', 'BE')</c>.</summary>
public sealed record ListOperand(IReadOnlyList<LiteralOperand> Items) : Operand;
