using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;

namespace Marketplace.Payments.Search;

/// <summary>What every <c>…/search</c> endpoint reads (<c>query</c>, <c>limit</c>, <c>page</c>) and how it answers a page.</summary>
internal sealed record SearchRequest(SearchQuery? Query, string? After, int Limit)
{
    /// <summary>Failures go to the reader and surface in its <c>Complete()</c>; once that found none, <see cref="Query"/> is set.</summary>
    /// <param name="idPrefix">The prefix of the searched objects' ids: a <c>next_page</c> token of another search is refused.</param>
    public static SearchRequest Read(ParameterReader parameters, SearchFields fields, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = parameters.GetRequiredString("query");
        var limit = (int)(parameters.GetLong("limit", 1, ListQuery.MaxLimit) ?? ListQuery.DefaultLimit);
        var page = parameters.GetString("page");
        SearchQuery? query = null;
        if (text.Length > 0 && !SearchQuery.TryParse(text, fields, out query, out var invalid))
        {
            parameters.Fail(invalid);
        }

        string? after = null;
        if (page is not null && !SearchPage.TryDecode(page, idPrefix, out after))
        {
            parameters.Fail(StripeError.InvalidRequest($"Invalid page: {page} is not a next_page token of this search.", "page"));
        }

        return new SearchRequest(query, after, limit);
    }

    /// <summary>The page of <paramref name="rows"/> (read with <see cref="Limit"/> + 1, so that the extra one says there is more).</summary>
    public StripeSearchResult<T> Page<T>(IReadOnlyList<T> rows, string url, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(idOf);
        List<T> data = [.. rows.Take(Limit)];
        var hasMore = rows.Count > Limit;
        return new StripeSearchResult<T>(url, hasMore, data, hasMore ? SearchPage.Encode(idOf(data[^1])) : null);
    }
}
