namespace Marketplace.Fraud.Rules.Language;

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    In,
    NotIn,

    /// <summary>The attribute contains the string (case-insensitive).</summary>
    Includes,

    /// <summary>The attribute matches a pattern where <c>%</c> stands for any run of characters (case-insensitive).</summary>
    Like,
    NotLike,
}
