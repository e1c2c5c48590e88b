namespace Marketplace.Payments.Search;

/// <summary>How Stripe's search query language compares a field, by the type Stripe documents for it.</summary>
internal enum SearchFieldKind
{
    /// <summary>A string: <c>:</c> (exact) and <c>~</c> (substring), both ignoring case; <c>null</c> matches an unset field.</summary>
    Text,

    /// <summary>A token: <c>:</c> only, exact and case kept; <c>null</c> matches an unset field.</summary>
    Token,

    /// <summary>An integer: <c>:</c>, <c>=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c>, <c>&lt;=</c>.</summary>
    Number,

    /// <summary>Unix seconds, compared as a <see cref="Number"/> against a <c>timestamptz</c> column.</summary>
    Timestamp,
}
