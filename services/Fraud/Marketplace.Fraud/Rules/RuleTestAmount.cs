namespace Marketplace.Fraud.Rules;

public sealed record RuleTestAmount(string Currency, long Amount);
