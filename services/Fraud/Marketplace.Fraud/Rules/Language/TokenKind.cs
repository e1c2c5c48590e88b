namespace Marketplace.Fraud.Rules.Language;

/// <summary>What a <see cref="Token"/> of the rule language is.</summary>
public enum TokenKind
{
    /// <summary><c>:card_country:</c>; the text is the name between the colons.</summary>
    Attribute,

    /// <summary><c>::order_channel::</c>; the text is the metadata key.</summary>
    Metadata,

    /// <summary><c>'FR'</c> or <c>"FR"</c>; the text is the unescaped value.</summary>
    Quoted,

    Number,

    /// <summary>A keyword or a bare word (<c>Block</c>, <c>if</c>, <c>AND</c>, <c>is_missing</c>, <c>3D</c>, <c>true</c>).</summary>
    Word,

    /// <summary><c>@eu_countries</c>; the text is the alias.</summary>
    ValueList,

    LeftParenthesis,
    RightParenthesis,
    Comma,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    End,
}
