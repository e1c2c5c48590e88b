using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// Splits rule text into <see cref="Token"/>s in one pass, tracking line and column. Every input ends either in a
/// token list closed by <see cref="TokenKind.End"/> or in a positioned <see cref="RuleParseError"/>; nothing throws.
/// </summary>
public static class Tokenizer
{
    public static bool TryTokenize(string text, [NotNullWhen(true)] out List<Token>? tokens, [NotNullWhen(false)] out RuleParseError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        tokens = [];
        error = null;
        var line = 1;
        var lineStart = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }

                i++;
            }

            var column = i - lineStart + 1;
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", line, column));
                return true;
            }

            var c = text[i];
            Token? simple = c switch
            {
                '(' => new Token(TokenKind.LeftParenthesis, "(", line, column),
                ')' => new Token(TokenKind.RightParenthesis, ")", line, column),
                ',' => new Token(TokenKind.Comma, ",", line, column),
                '=' => new Token(TokenKind.Equal, "=", line, column),
                _ => null,
            };
            if (simple is { } single)
            {
                tokens.Add(single);
                i++;
                continue;
            }

            switch (c)
            {
                case '!' when Peek(text, i + 1) == '=':
                    tokens.Add(new Token(TokenKind.NotEqual, "!=", line, column));
                    i += 2;
                    continue;
                case '<' when Peek(text, i + 1) == '=':
                    tokens.Add(new Token(TokenKind.LessOrEqual, "<=", line, column));
                    i += 2;
                    continue;
                case '>' when Peek(text, i + 1) == '=':
                    tokens.Add(new Token(TokenKind.GreaterOrEqual, ">=", line, column));
                    i += 2;
                    continue;
                case '<':
                    tokens.Add(new Token(TokenKind.Less, "<", line, column));
                    i++;
                    continue;
                case '>':
                    tokens.Add(new Token(TokenKind.Greater, ">", line, column));
                    i++;
                    continue;
                case ':':
                    if (!TryReadAttribute(text, ref i, line, column, out var attribute, out error))
                    {
                        return false;
                    }

                    tokens.Add(attribute);
                    continue;
                case '\'' or '"':
                    if (!TryReadString(text, ref i, line, column, out var literal, out error))
                    {
                        return false;
                    }

                    tokens.Add(literal);
                    continue;
                case '@':
                    var aliasStart = ++i;
                    while (i < text.Length && IsWordChar(text[i]))
                    {
                        i++;
                    }

                    if (i == aliasStart)
                    {
                        error = new RuleParseError(line, column + 1, "a value list alias after '@'", Found(text, i));
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.ValueList, text[aliasStart..i], line, column));
                    continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(text, i + 1))))
            {
                tokens.Add(ReadNumberOrWord(text, ref i, line, column));
                continue;
            }

            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], line, column));
                continue;
            }

            error = new RuleParseError(line, column, "an attribute, a value, an operator or a keyword", Found(text, i));
            return false;
        }
    }

    /// <summary><c>:name:</c> (letters, digits, underscores) or <c>::metadata key::</c> (anything but a colon or a line break).</summary>
    static bool TryReadAttribute(string text, ref int i, int line, int column, out Token token, [NotNullWhen(false)] out RuleParseError? error)
    {
        token = default;
        error = null;
        var metadata = Peek(text, i + 1) == ':';
        var start = i + (metadata ? 2 : 1);
        var end = start;
        while (end < text.Length && (metadata ? text[end] is not (':' or '\n' or '\r') : IsWordChar(text[end])))
        {
            end++;
        }

        var closing = metadata ? "::" : ":";
        var what = metadata ? "a metadata key" : "an attribute name";
        if (end == start)
        {
            error = new RuleParseError(line, column + (start - i), what, Found(text, end));
            return false;
        }

        if (end + closing.Length > text.Length || string.CompareOrdinal(text, end, closing, 0, closing.Length) != 0)
        {
            error = new RuleParseError(line, column + (end - i), $"'{closing}' to close {(metadata ? "the metadata key" : "the attribute")}", Found(text, end));
            return false;
        }

        token = new Token(metadata ? TokenKind.Metadata : TokenKind.Attribute, text[start..end], line, column);
        i = end + closing.Length;
        return true;
    }

    /// <summary>A quoted string; a backslash escapes the next character (the quote or a backslash).</summary>
    static bool TryReadString(string text, ref int i, int line, int column, out Token token, [NotNullWhen(false)] out RuleParseError? error)
    {
        var quote = text[i];
        var value = new StringBuilder();
        var j = i + 1;
        while (j < text.Length && text[j] != quote && text[j] != '\n')
        {
            if (text[j] == '\\' && j + 1 < text.Length && text[j + 1] != '\n')
            {
                j++;
            }

            value.Append(text[j]);
            j++;
        }

        if (j >= text.Length || text[j] != quote)
        {
            token = default;
            error = new RuleParseError(line, column + (j - i), $"{quote} to close the string that starts at column {column}", Found(text, j));
            return false;
        }

        token = new Token(TokenKind.Quoted, value.ToString(), line, column);
        error = null;
        i = j + 1;
        return true;
    }

    /// <summary>A number (<c>5000</c>, <c>-1.5</c>, <c>1E+20</c>); digits running into letters make a word instead, such as the <c>3D</c> of "Request 3D Secure".</summary>
    static Token ReadNumberOrWord(string text, ref int i, int line, int column)
    {
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.' && char.IsAsciiDigit(Peek(text, i + 1)))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        // An exponent, as the canonical form writes very large and very small numbers (1E+20).
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (Peek(text, exponent) is '+' or '-')
            {
                exponent++;
            }

            if (char.IsAsciiDigit(Peek(text, exponent)))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        if (i < text.Length && IsWordChar(text[i]))
        {
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            return new Token(TokenKind.Word, text[start..i], line, column);
        }

        return new Token(TokenKind.Number, text[start..i], line, column);
    }

    static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    static string Found(string text, int index) =>
        index >= text.Length ? "the end of the rule" : text[index] is '\n' or '\r' ? "the end of the line" : $"'{text[index]}'";
}
