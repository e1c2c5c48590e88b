namespace Marketplace.Api.Lists;

/// <summary>
/// SQL fragments for one page: <c>WHERE {Where} ORDER BY {OrderBy} LIMIT @limit</c>, with <see cref="Parameters"/>
/// passed to Dapper as they are.
/// </summary>
public sealed record ListSql(string Where, string OrderBy, IReadOnlyDictionary<string, object> Parameters);
