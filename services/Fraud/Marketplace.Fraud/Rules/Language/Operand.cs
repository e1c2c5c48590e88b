namespace Marketplace.Fraud.Rules.Language;

/// <summary>The right-hand side of a comparison.</summary>
public abstract record Operand;
