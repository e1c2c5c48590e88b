namespace Marketplace.Fraud.Rules.Language;

/// <summary>A reference to one of the platform's value lists, <c>@eu_countries</c>.</summary>
public sealed record ValueListOperand(string Alias) : Operand;
