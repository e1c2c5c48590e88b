using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Marketplace.Api.Errors;

namespace Marketplace.Payments.Search;

/// <summary>
/// A query of Stripe's search query language over one object's <see cref="SearchFields"/>, as a SQL predicate.
/// Clauses are <c>field:"value"</c> (exact), <c>field~"value"</c> (substring of a string, at least three
/// characters), <c>amount&gt;n</c> (and <c>&lt;</c>, <c>&gt;=</c>, <c>&lt;=</c>, <c>=</c>, <c>:</c> on numbers and
/// timestamps) and <c>metadata["key"]:"value"</c>, each negated by a leading <c>-</c>; up to ten of them, joined
/// by spaces or <c>AND</c> (all must match) or by <c>OR</c>, never both. Values are quoted with <c>'</c> or
/// <c>"</c>, a backslash escaping the next character; numbers may go unquoted, and an unquoted <c>null</c>
/// matches a string or token that is not set. <c>metadata</c> is a token (exact, case kept).
/// </summary>
internal sealed class SearchQuery
{
    public const int MaxClauses = 10;
    public const int MinSubstringLength = 3;

    SearchQuery(string where, IReadOnlyDictionary<string, object?> parameters)
    {
        Where = where;
        Parameters = parameters;
    }

    /// <summary>The predicate, parenthesised; column names are fixed here and every value is a parameter.</summary>
    public string Where { get; }

    public IReadOnlyDictionary<string, object?> Parameters { get; }

    public static bool TryParse(
        string text, SearchFields fields, [NotNullWhen(true)] out SearchQuery? query, [NotNullWhen(false)] out StripeError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        var parser = new Parser(text, fields);
        query = parser.Parse();
        error = parser.Error;
        return query is not null;
    }

    sealed class Parser(string text, SearchFields fields)
    {
        readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);
        int _position;

        public StripeError? Error { get; private set; }

        public SearchQuery? Parse()
        {
            var clauses = new List<string>();
            string? connective = null;
            SkipWhitespace();
            if (AtEnd)
            {
                return FailQuery("the query is empty");
            }

            while (true)
            {
                if (clauses.Count == MaxClauses)
                {
                    return FailQuery($"a query can combine at most {MaxClauses} clauses");
                }

                if (ParseClause() is not { } clause)
                {
                    return null;
                }

                clauses.Add(clause);
                var spaced = SkipWhitespace();
                if (AtEnd)
                {
                    break;
                }

                if (!spaced)
                {
                    return FailQuery("clauses must be separated by a space, AND or OR");
                }

                var next = Keyword("AND") ? "AND" : Keyword("OR") ? "OR" : "AND";
                if (connective is not null && connective != next)
                {
                    return FailQuery("AND and OR cannot be combined in one query");
                }

                connective = next;
            }

            return new SearchQuery($"({string.Join($" {connective ?? "AND"} ", clauses)})", _parameters);
        }

        bool AtEnd => _position >= text.Length;

        char Current => text[_position];

        string? ParseClause()
        {
            var negated = Accept('-');
            var start = _position;
            while (!AtEnd && (char.IsAsciiLetterLower(Current) || Current == '_'))
            {
                _position++;
            }

            var field = text[start.._position];
            if (field.Length == 0)
            {
                return Fail("expected a field name, such as created");
            }

            var predicate = field == "metadata"
                ? ParseMetadata()
                : fields.ByName.TryGetValue(field, out var known)
                    ? known.Kind switch
                    {
                        SearchFieldKind.Text => ParseString(known, substringAllowed: true),
                        SearchFieldKind.Token => ParseString(known, substringAllowed: false),
                        _ => ParseNumber(known),
                    }
                    : Fail($"'{field}' is not a field {fields.ObjectsName} can be searched by; use {fields.Listed}", start);
            return predicate is null ? null : negated ? $"NOT coalesce({predicate}, false)" : $"coalesce({predicate}, false)";
        }

        string? ParseString(SearchField field, bool substringAllowed)
        {
            var operatorAt = _position;
            if (!Accept(':') && !(substringAllowed && Accept('~')))
            {
                return Fail(substringAllowed ? $"{field.Name} takes : (exact match) or ~ (substring match)" : $"{field.Name} takes : (exact match)");
            }

            var column = field.Column;
            var substring = text[operatorAt] == '~';
            if (!substring && AcceptWord("null"))
            {
                return $"{column} IS NULL";
            }

            if (ParseQuoted() is not { } value)
            {
                return null;
            }

            if (substring && value.Length < MinSubstringLength)
            {
                return Fail($"substring matches (~) need at least {MinSubstringLength} characters", operatorAt);
            }

            var parameter = Parameter(value);
            return substring ? $"strpos(lower({column}), lower(@{parameter})) > 0"
                : substringAllowed ? $"lower({column}) = lower(@{parameter})"
                : $"{column} = @{parameter}";
        }

        string? ParseMetadata()
        {
            if (!Accept('['))
            {
                return Fail("metadata takes a key, as in metadata[\"key\"]:\"value\"");
            }

            if (ParseQuoted() is not { } key)
            {
                return null;
            }

            if (!Accept(']') || !Accept(':'))
            {
                return Fail("metadata takes a key and an exact match, as in metadata[\"key\"]:\"value\"");
            }

            if (ParseQuoted() is not { } value)
            {
                return null;
            }

            return $"metadata ->> @{Parameter(key)} = @{Parameter(value)}";
        }

        string? ParseNumber(SearchField field)
        {
            var comparison = Accept(">=") ? ">=" : Accept("<=") ? "<=" : Accept(">") ? ">" : Accept("<") ? "<" : Accept("=") || Accept(":") ? "=" : null;
            if (comparison is null)
            {
                return Fail($"{field.Name} takes :, =, >, <, >= or <=");
            }

            var valueAt = _position;
            var value = !AtEnd && Current is '\'' or '"' ? ParseQuoted() : ParseBare();
            if (value is null)
            {
                return null;
            }

            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return Fail(field.Kind == SearchFieldKind.Timestamp ? $"{field.Name} takes a Unix timestamp in seconds" : $"{field.Name} takes a whole number", valueAt);
            }

            if (field.Kind != SearchFieldKind.Timestamp)
            {
                return $"{field.Column} {comparison} @{Parameter(number)}";
            }

            if (number > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return Fail($"{field.Name} takes a Unix timestamp in seconds", valueAt);
            }

            return $"{field.Column} {comparison} @{Parameter(DateTimeOffset.FromUnixTimeSeconds(number))}";
        }

        string? ParseQuoted()
        {
            if (AtEnd || Current is not ('\'' or '"'))
            {
                return Fail("expected a quoted value, such as \"jenny@example.com\"");
            }

            var quote = Current;
            var start = _position++;
            var value = new StringBuilder();
            while (!AtEnd && Current != quote)
            {
                if (Current == '\\')
                {
                    _position++;
                    if (AtEnd)
                    {
                        break;
                    }
                }

                value.Append(Current);
                _position++;
            }

            if (!Accept(quote))
            {
                return Fail("a quoted value is not closed", start);
            }

            return value.ToString();
        }

        string? ParseBare()
        {
            var start = _position;
            while (!AtEnd && !char.IsWhiteSpace(Current))
            {
                _position++;
            }

            return start == _position ? Fail("expected a value") : text[start.._position];
        }

        /// <summary>An unquoted word that ends the clause (at a space or the end), such as <c>null</c>.</summary>
        bool AcceptWord(string word)
        {
            var end = _position + word.Length;
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) == 0 && (end == text.Length || char.IsWhiteSpace(text[end])))
            {
                _position = end;
                return true;
            }

            return false;
        }

        /// <summary><c>AND</c> or <c>OR</c>, in any case, followed by a space and a clause.</summary>
        bool Keyword(string keyword)
        {
            var end = _position + keyword.Length;
            if (end < text.Length && string.Compare(text, _position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && char.IsWhiteSpace(text[end]))
            {
                _position = end;
                SkipWhitespace();
                return true;
            }

            return false;
        }

        bool Accept(char expected)
        {
            if (!AtEnd && Current == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        bool Accept(string expected)
        {
            if (string.CompareOrdinal(text, _position, expected, 0, expected.Length) == 0)
            {
                _position += expected.Length;
                return true;
            }

            return false;
        }

        bool SkipWhitespace()
        {
            var start = _position;
            while (!AtEnd && char.IsWhiteSpace(Current))
            {
                _position++;
            }

            return _position > start;
        }

        string Parameter(object value)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"q{_parameters.Count}");
            _parameters[name] = value;
            return name;
        }

        SearchQuery? FailQuery(string reason) => Fail<SearchQuery>(reason, _position);

        string? Fail(string reason, int? at = null) => Fail<string>(reason, at ?? _position);

        T? Fail<T>(string reason, int at)
            where T : class
        {
            Error ??= StripeError.InvalidRequest(
                string.Create(CultureInfo.InvariantCulture,
                    $"Invalid search query at character {Math.Min(at, text.Length) + 1}: {reason}. See https://stripe.com/docs/search#search-query-language."),
                "query");
            return null;
        }
    }
}
