using System.Globalization;
using System.Text;

namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// Writes a condition back as rule text, canonically: upper-case keywords, single-quoted strings, and parentheses
/// exactly where precedence needs them, so that the text parses back to the same tree.
/// </summary>
public static class RuleFormatter
{
    public static string Format(RuleNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        Write(text, node, Precedence.Or);
        return text.ToString();
    }

    enum Precedence
    {
        Or,
        And,
        Not,
    }

    static void Write(StringBuilder text, RuleNode node, Precedence context)
    {
        switch (node)
        {
            case OrNode or:
                Wrapped(text, context > Precedence.Or, () =>
                {
                    Write(text, or.Left, Precedence.Or);
                    text.Append(" OR ");
                    Write(text, or.Right, Precedence.And);
                });
                break;
            case AndNode and:
                Wrapped(text, context > Precedence.And, () =>
                {
                    Write(text, and.Left, Precedence.And);
                    text.Append(" AND ");
                    Write(text, and.Right, Precedence.Not);
                });
                break;
            case NotNode not:
                text.Append("NOT ");
                Write(text, not.Operand, Precedence.Not);
                break;
            case IsMissingNode missing:
                text.Append("is_missing(");
                WriteOperand(text, missing.Attribute);
                text.Append(')');
                break;
            case BooleanAttributeNode flag:
                WriteOperand(text, flag.Attribute);
                break;
            case ComparisonNode comparison:
                WriteOperand(text, comparison.Attribute);
                text.Append(' ').Append(OperatorText(comparison.Operator)).Append(' ');
                WriteOperand(text, comparison.Value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown node.");
        }
    }

    static void Wrapped(StringBuilder text, bool parenthesise, Action write)
    {
        if (parenthesise)
        {
            text.Append('(');
        }

        write();
        if (parenthesise)
        {
            text.Append(')');
        }
    }

    static void WriteOperand(StringBuilder text, Operand operand)
    {
        switch (operand)
        {
            case AttributeOperand { Known: { } known }:
                text.Append(':').Append(known.Name).Append(':');
                break;
            case AttributeOperand attribute:
                text.Append("::").Append(attribute.MetadataKey).Append("::");
                break;
            case LiteralOperand literal:
                WriteLiteral(text, literal.Value);
                break;
            case ListOperand list:
                text.Append('(');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    WriteLiteral(text, list.Items[i].Value);
                }

                text.Append(')');
                break;
            case ValueListOperand valueList:
                text.Append('@').Append(valueList.Alias);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operand), operand, "Unknown operand.");
        }
    }

    static void WriteLiteral(StringBuilder text, object value)
    {
        switch (value)
        {
            case string s:
                text.Append('\'').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown literal.");
        }
    }

    static string OperatorText(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.In => "IN",
        ComparisonOperator.NotIn => "NOT IN",
        ComparisonOperator.Includes => "INCLUDES",
        ComparisonOperator.Like => "LIKE",
        ComparisonOperator.NotLike => "NOT LIKE",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };
}
