namespace Marketplace.Fraud.Rules.Language;

/// <summary>What values an attribute holds, which decides the operators a rule may use on it.</summary>
public enum AttributeType
{
    Text,
    Number,
    Flag,
}
