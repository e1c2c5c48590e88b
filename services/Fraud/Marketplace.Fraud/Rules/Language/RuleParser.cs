using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// A recursive-descent parser for Radar's rule language:
/// <code>
/// rule       := action "if" or
/// action     := "Allow" | "Block" | "Review" | "Request" "3D" "Secure"
/// or         := and ("OR" and)*
/// and        := unary ("AND" unary)*
/// unary      := "NOT" unary | primary
/// primary    := "(" or ")" | "is_missing" "(" attribute ")" | attribute [comparison]
/// comparison := ("=" | "!=" | "&lt;" | "&gt;" | "&lt;=" | "&gt;=") value | ["NOT"] "IN" (list | @alias)
///             | "INCLUDES" string | ["NOT"] "LIKE" string
/// </code>
/// Keywords are case-insensitive; AND binds tighter than OR, NOT tighter than both. Types are checked here, so that a
/// rule that parses also compiles: a comparison that cannot mean anything (<c>:card_country: &gt; 5</c>) is an error
/// at its column, as is an unknown attribute. Every failure is a <see cref="RuleParseError"/>; nesting is bounded so
/// that no input overflows the stack.
/// </summary>
public sealed class RuleParser
{
    /// <summary>Longer rules are refused before tokenizing; Radar's own rules are a line or two.</summary>
    public const int MaxLength = 4000;

    /// <summary>Parentheses and NOTs nested deeper than this are refused rather than risking the stack.</summary>
    public const int MaxDepth = 50;

    const string ComparisonOperators = "one of =, !=, <, >, <=, >=, IN, NOT IN, INCLUDES, LIKE, NOT LIKE";

    readonly List<Token> _tokens;
    readonly List<string> _aliases = [];
    int _position;
    int _depth;

    RuleParser(List<Token> tokens) => _tokens = tokens;

    public static bool TryParse(string text, [NotNullWhen(true)] out ParsedRule? rule, [NotNullWhen(false)] out RuleParseError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        rule = null;
        if (text.Length > MaxLength)
        {
            error = new RuleParseError(1, MaxLength + 1, $"a rule of at most {MaxLength} characters");
            return false;
        }

        if (!Tokenizer.TryTokenize(text, out var tokens, out error))
        {
            return false;
        }

        var parser = new RuleParser(tokens);
        if (!parser.TryParseAction(out var action, out error))
        {
            return false;
        }

        if (!parser.Current.Is("if"))
        {
            error = parser.Expected("'if' after the action");
            return false;
        }

        parser._position++;
        var predicateStart = parser.Current;
        if (!parser.TryParseOr(out var condition, out error))
        {
            return false;
        }

        if (parser.Current.Kind != TokenKind.End)
        {
            error = parser.Expected("AND, OR or the end of the rule");
            return false;
        }

        var predicate = text[OffsetOf(text, predicateStart.Line, predicateStart.Column)..].Trim();
        rule = new ParsedRule(action, predicate, condition, parser._aliases.Distinct(StringComparer.Ordinal).ToList());
        return true;
    }

    /// <summary>Parses a predicate on its own (what follows <c>if</c>), as the rule it would be with <paramref name="action"/>.</summary>
    public static bool TryParsePredicate(
        RuleAction action, string predicate, [NotNullWhen(true)] out ParsedRule? rule, [NotNullWhen(false)] out RuleParseError? error) =>
        TryParse($"{action.ToKeyword()} if {predicate}", out rule, out error);

    Token Current => _tokens[_position];

    Token Next => _tokens[Math.Min(_position + 1, _tokens.Count - 1)];

    bool TryParseAction(out RuleAction action, [NotNullWhen(false)] out RuleParseError? error)
    {
        error = null;
        var first = Current;
        (action, var words) = first switch
        {
            _ when first.Is("allow") => (RuleAction.Allow, 1),
            _ when first.Is("block") => (RuleAction.Block, 1),
            _ when first.Is("review") => (RuleAction.Review, 1),
            _ when first.Is("request") => (RuleAction.RequestThreeDSecure, 0),
            _ => (default, -1),
        };
        if (words < 0)
        {
            error = Expected("an action: Allow, Block, Review or Request 3D Secure");
            return false;
        }

        _position++;
        if (action != RuleAction.RequestThreeDSecure)
        {
            return true;
        }

        foreach (var word in new[] { "3D", "Secure" })
        {
            if (!Current.Is(word))
            {
                error = Expected($"'{word}' in 'Request 3D Secure'");
                return false;
            }

            _position++;
        }

        return true;
    }

    bool TryParseOr([NotNullWhen(true)] out RuleNode? node, [NotNullWhen(false)] out RuleParseError? error)
    {
        if (!TryParseAnd(out node, out error))
        {
            return false;
        }

        while (Current.Is("or"))
        {
            _position++;
            if (!TryParseAnd(out var right, out error))
            {
                return false;
            }

            node = new OrNode(node, right);
        }

        return true;
    }

    bool TryParseAnd([NotNullWhen(true)] out RuleNode? node, [NotNullWhen(false)] out RuleParseError? error)
    {
        if (!TryParseUnary(out node, out error))
        {
            return false;
        }

        while (Current.Is("and"))
        {
            _position++;
            if (!TryParseUnary(out var right, out error))
            {
                return false;
            }

            node = new AndNode(node, right);
        }

        return true;
    }

    bool TryParseUnary([NotNullWhen(true)] out RuleNode? node, [NotNullWhen(false)] out RuleParseError? error)
    {
        node = null;
        if (++_depth > MaxDepth)
        {
            error = Expected($"at most {MaxDepth} nested NOTs and parentheses");
            return false;
        }

        try
        {
            if (Current.Is("not"))
            {
                _position++;
                if (!TryParseUnary(out var operand, out error))
                {
                    return false;
                }

                node = new NotNode(operand);
                return true;
            }

            return TryParsePrimary(out node, out error);
        }
        finally
        {
            _depth--;
        }
    }

    bool TryParsePrimary([NotNullWhen(true)] out RuleNode? node, [NotNullWhen(false)] out RuleParseError? error)
    {
        node = null;
        if (Current.Kind == TokenKind.LeftParenthesis)
        {
            _position++;
            if (!TryParseOr(out node, out error))
            {
                return false;
            }

            return TryExpect(TokenKind.RightParenthesis, "')' or AND, OR", out error);
        }

        if (Current.Is("is_missing"))
        {
            _position++;
            if (!TryExpect(TokenKind.LeftParenthesis, "'(' after is_missing", out error)
                || !TryParseAttribute(out var missing, out error)
                || !TryExpect(TokenKind.RightParenthesis, "')' to close is_missing(", out error))
            {
                return false;
            }

            node = new IsMissingNode(missing);
            return true;
        }

        var attributeToken = Current;
        if (!TryParseAttribute(out var attribute, out error))
        {
            return false;
        }

        if (!TryParseOperator(out var comparison))
        {
            if (attribute.Type == AttributeType.Flag)
            {
                node = new BooleanAttributeNode(attribute);
                return true;
            }

            error = Expected($"{ComparisonOperators} after {attributeToken.Describe()}");
            return false;
        }

        var operatorToken = _tokens[_position - 1];
        if (!TryParseValue(attribute, comparison, operatorToken, out var value, out error))
        {
            return false;
        }

        node = new ComparisonNode(attribute, comparison, value);
        return true;
    }

    bool TryParseAttribute([NotNullWhen(true)] out AttributeOperand? attribute, [NotNullWhen(false)] out RuleParseError? error)
    {
        attribute = null;
        error = null;
        var token = Current;
        if (token.Kind == TokenKind.Metadata)
        {
            _position++;
            attribute = new AttributeOperand(null, token.Text);
            return true;
        }

        if (token.Kind != TokenKind.Attribute)
        {
            error = Expected("an attribute such as :card_country:, a metadata key such as ::key::, NOT, is_missing( or '('");
            return false;
        }

        if (RuleAttributes.Find(token.Text) is not { } known)
        {
            error = new RuleParseError(token.Line, token.Column, "a known attribute (such as :card_country:, :amount_in_eur:, :risk_level:)", token.Describe());
            return false;
        }

        _position++;
        attribute = new AttributeOperand(known, null);
        return true;
    }

    /// <summary>Reads an operator if one is next (<c>NOT IN</c> and <c>NOT LIKE</c> are two words); false leaves the position alone.</summary>
    bool TryParseOperator(out ComparisonOperator comparison)
    {
        var token = Current;
        (var found, comparison, var length) = token.Kind switch
        {
            TokenKind.Equal => (true, ComparisonOperator.Equal, 1),
            TokenKind.NotEqual => (true, ComparisonOperator.NotEqual, 1),
            TokenKind.Less => (true, ComparisonOperator.Less, 1),
            TokenKind.Greater => (true, ComparisonOperator.Greater, 1),
            TokenKind.LessOrEqual => (true, ComparisonOperator.LessOrEqual, 1),
            TokenKind.GreaterOrEqual => (true, ComparisonOperator.GreaterOrEqual, 1),
            _ when token.Is("in") => (true, ComparisonOperator.In, 1),
            _ when token.Is("includes") => (true, ComparisonOperator.Includes, 1),
            _ when token.Is("like") => (true, ComparisonOperator.Like, 1),
            _ when token.Is("not") && Next.Is("in") => (true, ComparisonOperator.NotIn, 2),
            _ when token.Is("not") && Next.Is("like") => (true, ComparisonOperator.NotLike, 2),
            _ => (false, default, 0),
        };
        _position += length;
        return found;
    }

    bool TryParseValue(
        AttributeOperand attribute, ComparisonOperator comparison, Token operatorToken,
        [NotNullWhen(true)] out Operand? value, [NotNullWhen(false)] out RuleParseError? error)
    {
        value = null;
        error = null;
        var type = attribute.Type;
        var metadata = attribute.IsMetadata;
        switch (comparison)
        {
            case ComparisonOperator.In or ComparisonOperator.NotIn:
                if (type == AttributeType.Flag)
                {
                    error = Unsupported(operatorToken, attribute);
                    return false;
                }

                if (Current.Kind == TokenKind.ValueList)
                {
                    if (type == AttributeType.Number && !metadata)
                    {
                        error = new RuleParseError(Current.Line, Current.Column, "a list of numbers: value lists hold strings", Current.Describe());
                        return false;
                    }

                    _aliases.Add(Current.Text);
                    value = new ValueListOperand(Current.Text);
                    _position++;
                    return true;
                }

                return TryParseList(attribute, out value, out error);

            case ComparisonOperator.Includes or ComparisonOperator.Like or ComparisonOperator.NotLike:
                if (type != AttributeType.Text)
                {
                    error = Unsupported(operatorToken, attribute);
                    return false;
                }

                if (Current.Kind != TokenKind.Quoted)
                {
                    error = Expected($"a quoted string after {operatorToken.Text.ToUpperInvariant()}");
                    return false;
                }

                value = new LiteralOperand(Current.Text);
                _position++;
                return true;

            case ComparisonOperator.Less or ComparisonOperator.Greater or ComparisonOperator.LessOrEqual or ComparisonOperator.GreaterOrEqual:
                if (type != AttributeType.Number && !metadata)
                {
                    error = Unsupported(operatorToken, attribute);
                    return false;
                }

                break;
        }

        if (Current.Kind is TokenKind.Attribute or TokenKind.Metadata)
        {
            var otherToken = Current;
            if (!TryParseAttribute(out var other, out error))
            {
                return false;
            }

            if (other.Type != type && !metadata && !other.IsMetadata)
            {
                error = new RuleParseError(otherToken.Line, otherToken.Column, $"an attribute of the same type as {AttributeTokenText(attribute)} ({TypeName(type)})", otherToken.Describe());
                return false;
            }

            value = other;
            return true;
        }

        return TryParseLiteral(attribute, out value, out error);
    }

    bool TryParseList(AttributeOperand attribute, [NotNullWhen(true)] out Operand? value, [NotNullWhen(false)] out RuleParseError? error)
    {
        value = null;
        if (!TryExpect(TokenKind.LeftParenthesis, "a list such as ('FR', 'BE') or a value list such as @eu_countries", out error))
        {
            return false;
        }

        var items = new List<LiteralOperand>();
        while (true)
        {
            if (!TryParseLiteral(attribute, out var item, out error))
            {
                return false;
            }

            items.Add((LiteralOperand)item);
            if (Current.Kind == TokenKind.Comma)
            {
                _position++;
                continue;
            }

            if (!TryExpect(TokenKind.RightParenthesis, "',' or ')' in the list", out error))
            {
                return false;
            }

            value = new ListOperand(items);
            return true;
        }
    }

    bool TryParseLiteral(AttributeOperand attribute, [NotNullWhen(true)] out Operand? value, [NotNullWhen(false)] out RuleParseError? error)
    {
        value = null;
        error = null;
        var token = Current;
        object? literal = token.Kind switch
        {
            TokenKind.Quoted => token.Text,
            TokenKind.Number when double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number) => number,
            TokenKind.Word when token.Is("true") => true,
            TokenKind.Word when token.Is("false") => false,
            _ => null,
        };

        var expected = attribute.IsMetadata ? "a value ('text', a number, true or false)" : attribute.Type switch
        {
            AttributeType.Number => "a number",
            AttributeType.Flag => "true or false",
            _ => "a quoted string",
        };
        var fits = literal is not null && (attribute.IsMetadata || attribute.Type switch
        {
            AttributeType.Number => literal is double,
            AttributeType.Flag => literal is bool,
            _ => literal is string,
        });
        if (!fits)
        {
            error = new RuleParseError(token.Line, token.Column, $"{expected} to compare {AttributeTokenText(attribute)} with", token.Describe());
            return false;
        }

        _position++;
        value = new LiteralOperand(literal!);
        return true;
    }

    bool TryExpect(TokenKind kind, string expected, [NotNullWhen(false)] out RuleParseError? error)
    {
        if (Current.Kind != kind)
        {
            error = Expected(expected);
            return false;
        }

        _position++;
        error = null;
        return true;
    }

    RuleParseError Expected(string expected) => new(Current.Line, Current.Column, expected, Current.Describe());

    static RuleParseError Unsupported(Token operatorToken, AttributeOperand attribute) =>
        new(operatorToken.Line, operatorToken.Column,
            $"an operator that applies to {AttributeTokenText(attribute)} ({TypeName(attribute.Type)})", $"'{operatorToken.Text.ToUpperInvariant()}'");

    static string AttributeTokenText(AttributeOperand attribute) =>
        attribute.Known is { } known ? $":{known.Name}:" : $"::{attribute.MetadataKey}::";

    static string TypeName(AttributeType type) => type switch
    {
        AttributeType.Number => "a number",
        AttributeType.Flag => "a boolean",
        _ => "a string",
    };

    static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset + column - 1;
    }
}
