namespace Marketplace.Fraud.Rules.Language;

/// <summary>A node of a rule's condition: the abstract syntax tree the parser builds and the compiler turns into a delegate.</summary>
public abstract record RuleNode;
