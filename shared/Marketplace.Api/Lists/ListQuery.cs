using System.Globalization;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Lists;

/// <summary>
/// The paging and <c>created</c> filter every list endpoint takes, read once here with Stripe's rules: <c>limit</c>
/// 1–100 (default 10), <c>starting_after</c> or <c>ending_before</c> but not both, <c>created</c> as a timestamp or
/// as <c>created[gt|gte|lt|lte]</c>.
/// </summary>
public sealed record ListQuery
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The id from <c>starting_after</c> or <c>ending_before</c>.</summary>
    public string? Cursor { get; init; }

    public ListDirection Direction { get; init; } = ListDirection.Older;

    public DateTimeOffset? CreatedGt { get; init; }
    public DateTimeOffset? CreatedGte { get; init; }
    public DateTimeOffset? CreatedLt { get; init; }
    public DateTimeOffset? CreatedLte { get; init; }

    /// <summary>Reads the list parameters; failures go to the reader and surface in its <c>Complete()</c>.</summary>
    public static ListQuery Read(ParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var limit = parameters.GetLong("limit", 1, MaxLimit) ?? DefaultLimit;
        var startingAfter = parameters.GetString("starting_after");
        var endingBefore = parameters.GetString("ending_before");
        if (startingAfter is not null && endingBefore is not null)
        {
            parameters.Fail(ParameterErrors.Exclusive("ending_before", "starting_after"));
        }

        var query = new ListQuery
        {
            Limit = (int)limit,
            Cursor = endingBefore ?? startingAfter,
            Direction = endingBefore is null ? ListDirection.Older : ListDirection.Newer,
        };

        if (parameters.IsHash("created"))
        {
            var range = parameters.GetObject("created")!;
            return query with
            {
                CreatedGt = range.GetTimestamp("gt"),
                CreatedGte = range.GetTimestamp("gte"),
                CreatedLt = range.GetTimestamp("lt"),
                CreatedLte = range.GetTimestamp("lte"),
            };
        }

        // A plain created=<t> means "created during that second".
        return parameters.GetTimestamp("created") is { } exact
            ? query with { CreatedGte = exact, CreatedLt = exact.AddSeconds(1) }
            : query;
    }

    /// <summary>
    /// The keyset predicate and order for this page over a table whose ids sort by creation time
    /// (<c>Marketplace.Data.PrefixedId</c>), to run with <c>LIMIT @limit</c> where <c>limit</c> is
    /// <see cref="Limit"/> + 1, so that the extra row says whether there is more. Column names are the caller's
    /// (trusted identifiers); every value is a parameter. Ids compare in the "C" collation because the base62 alphabet
    /// sorts by byte, not by a linguistic collation that folds case.
    /// </summary>
    public ListSql ToSql(string idColumn = "id", string createdColumn = "created")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdColumn);
        var conditions = new List<string>();
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal) { ["limit"] = Limit + 1 };
        var id = $"{idColumn} COLLATE \"C\"";
        if (Cursor is not null)
        {
            conditions.Add(Direction == ListDirection.Older ? $"{id} < @cursor" : $"{id} > @cursor");
            parameters["cursor"] = Cursor;
        }

        AddBound(conditions, parameters, createdColumn, ">", "created_gt", CreatedGt);
        AddBound(conditions, parameters, createdColumn, ">=", "created_gte", CreatedGte);
        AddBound(conditions, parameters, createdColumn, "<", "created_lt", CreatedLt);
        AddBound(conditions, parameters, createdColumn, "<=", "created_lte", CreatedLte);

        var where = conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
        var order = Direction == ListDirection.Older ? $"{id} DESC" : $"{id} ASC";
        return new ListSql(where, order, parameters);
    }

    /// <summary>
    /// The page from the rows a <see cref="ToSql"/> query returned (up to <see cref="Limit"/> + 1 of them, in its
    /// order): the extra row only says there is more, and a page before <c>ending_before</c> is turned newest first.
    /// </summary>
    public StripeList<T> ToPage<T>(IReadOnlyList<T> rows, string url)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var page = rows.Take(Limit).ToList();
        if (Direction == ListDirection.Newer)
        {
            page.Reverse();
        }

        return new StripeList<T>(page, rows.Count > Limit, url);
    }

    static void AddBound(List<string> conditions, Dictionary<string, object> parameters, string column, string comparison, string name, DateTimeOffset? value)
    {
        if (value is { } bound)
        {
            conditions.Add(string.Create(CultureInfo.InvariantCulture, $"{column} {comparison} @{name}"));
            parameters[name] = bound;
        }
    }
}
