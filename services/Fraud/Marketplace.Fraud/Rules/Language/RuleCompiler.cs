using System.Globalization;

namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// Turns a parsed condition into one delegate, once, when a rule is loaded: attribute names are already slots,
/// list literals already hash sets and LIKE patterns already split, so evaluating a payment only reads values.
/// A missing attribute (null) makes every comparison on it false, <c>!=</c> and <c>NOT IN</c> included; only
/// <c>is_missing</c> and a surrounding <c>NOT</c> turn that into true.
/// </summary>
public static class RuleCompiler
{
    public static Func<PaymentAttributes, ValueListSet, bool> Compile(RuleNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case AndNode and:
                {
                    var left = Compile(and.Left);
                    var right = Compile(and.Right);
                    return (attributes, lists) => left(attributes, lists) && right(attributes, lists);
                }

            case OrNode or:
                {
                    var left = Compile(or.Left);
                    var right = Compile(or.Right);
                    return (attributes, lists) => left(attributes, lists) || right(attributes, lists);
                }

            case NotNode not:
                {
                    var operand = Compile(not.Operand);
                    return (attributes, lists) => !operand(attributes, lists);
                }

            case IsMissingNode missing:
                {
                    var read = Reader(missing.Attribute);
                    return (attributes, _) => read(attributes) is null;
                }

            case BooleanAttributeNode flag:
                {
                    var read = Reader(flag.Attribute);
                    return (attributes, _) => read(attributes) is true;
                }

            case ComparisonNode comparison:
                return CompileComparison(comparison);

            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown node.");
        }
    }

    static Func<PaymentAttributes, ValueListSet, bool> CompileComparison(ComparisonNode comparison)
    {
        var read = Reader(comparison.Attribute);
        switch (comparison.Operator, comparison.Value)
        {
            case (ComparisonOperator.In or ComparisonOperator.NotIn, ValueListOperand valueList):
                {
                    var alias = valueList.Alias;
                    var negated = comparison.Operator == ComparisonOperator.NotIn;
                    return (attributes, lists) => read(attributes) is { } value && lists.Contains(alias, TextOf(value)) != negated;
                }

            case (ComparisonOperator.In or ComparisonOperator.NotIn, ListOperand list):
                {
                    var contains = ListMatcher(list);
                    var negated = comparison.Operator == ComparisonOperator.NotIn;
                    return (attributes, _) => read(attributes) is { } value && contains(value) != negated;
                }

            case (ComparisonOperator.Includes, LiteralOperand { Value: string part }):
                return (attributes, _) => read(attributes) is string value && value.Contains(part, StringComparison.OrdinalIgnoreCase);

            case (ComparisonOperator.Like or ComparisonOperator.NotLike, LiteralOperand { Value: string text }):
                {
                    var pattern = new LikePattern(text);
                    var negated = comparison.Operator == ComparisonOperator.NotLike;
                    return (attributes, _) => read(attributes) is string value && pattern.Matches(value) != negated;
                }

            case (_, LiteralOperand literal):
                {
                    var right = literal.Value;
                    var test = Test(comparison.Operator);
                    return (attributes, _) => read(attributes) is { } value && test(value, right);
                }

            case (_, AttributeOperand other):
                {
                    var readOther = Reader(other);
                    var test = Test(comparison.Operator);
                    return (attributes, _) => read(attributes) is { } value && readOther(attributes) is { } right && test(value, right);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "The parser does not produce this comparison.");
        }
    }

    static Func<PaymentAttributes, object?> Reader(AttributeOperand attribute)
    {
        if (attribute.Known is { } known)
        {
            var slot = known.Slot;
            return attributes => attributes.Get(slot);
        }

        var key = attribute.MetadataKey!;
        return attributes => attributes.Metadata.TryGetValue(key, out var value) ? value : null;
    }

    static Func<object, object, bool> Test(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.Equal => AreEqual,
        ComparisonOperator.NotEqual => static (left, right) => !AreEqual(left, right),
        ComparisonOperator.Less => static (left, right) => Order(left, right) is < 0,
        ComparisonOperator.Greater => static (left, right) => Order(left, right) is > 0,
        ComparisonOperator.LessOrEqual => static (left, right) => Order(left, right) is <= 0,
        ComparisonOperator.GreaterOrEqual => static (left, right) => Order(left, right) is >= 0,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };

    /// <summary>Strings compare regardless of case; a metadata value (always text) compares with a number or a boolean by its parsed value.</summary>
    static bool AreEqual(object left, object right) => (left, right) switch
    {
        (double l, double r) => l == r,
        (string l, string r) => string.Equals(l, r, StringComparison.OrdinalIgnoreCase),
        (bool l, bool r) => l == r,
        (string l, double r) => TryNumber(l, out var number) && number == r,
        (double l, string r) => TryNumber(r, out var number) && l == number,
        (string l, bool r) => bool.TryParse(l, out var flag) && flag == r,
        (bool l, string r) => bool.TryParse(r, out var flag) && l == flag,
        _ => false,
    };

    /// <summary>Order between two numbers (metadata text read as a number); null when either is not one, which makes the comparison false.</summary>
    static int? Order(object left, object right) =>
        AsNumber(left) is { } l && AsNumber(right) is { } r && !double.IsNaN(l) && !double.IsNaN(r) ? l.CompareTo(r) : null;

    static double? AsNumber(object value) => value switch
    {
        double number => number,
        string text when TryNumber(text, out var number) => number,
        _ => null,
    };

    static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    static string TextOf(object value) => value switch
    {
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => value.ToString() ?? "",
    };

    static Func<object, bool> ListMatcher(ListOperand list)
    {
        if (list.Items.All(item => item.Value is string))
        {
            var strings = list.Items.Select(item => (string)item.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return value => value is string text
                ? strings.Contains(text)
                : list.Items.Any(item => AreEqual(value, item.Value));
        }

        var items = list.Items.Select(item => item.Value).ToArray();
        return value => Array.Exists(items, item => AreEqual(value, item));
    }
}
