namespace Marketplace.Fraud.Rules.Language;

/// <summary>One lexical unit of a rule, with where it starts (1-based line and column) for error messages.</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>True for a <see cref="TokenKind.Word"/> equal to <paramref name="keyword"/>; keywords are case-insensitive.</summary>
    public bool Is(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token is named in "found …" of an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the rule",
        TokenKind.Attribute => $"':{Text}:'",
        TokenKind.Metadata => $"'::{Text}::'",
        TokenKind.Quoted => $"the string '{Text}'",
        TokenKind.ValueList => $"'@{Text}'",
        _ => $"'{Text}'",
    };
}
