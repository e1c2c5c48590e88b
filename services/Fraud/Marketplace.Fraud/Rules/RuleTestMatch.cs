namespace Marketplace.Fraud.Rules;

/// <summary>One payment a candidate rule would have matched, and what was actually decided for it.</summary>
public sealed record RuleTestMatch(string Payment, long Amount, string Currency, DateTimeOffset Created, string ActionTaken);
